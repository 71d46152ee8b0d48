package org.runbook.coauthor.plan

import spock.lang.Specification

class PlanScheduleSpec extends Specification {

    def "refuses cron \"#cron\" saying #why"() {
        when:
        new PlanSchedule(cron, zone, null, false)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(why)

        where:
        cron              | zone         | why
        '0 0 2 ? * *'     | null         | 'has 6 fields; write 5'
        '0 2 * *'         | null         | 'has 4 fields'
        '60 2 * * *'      | null         | '60 outside 0-59'
        '0 24 * * *'      | null         | '24 outside 0-23'
        '0 2 0 * *'       | null         | '0 outside 1-31'
        '0 2 * 13 *'      | null         | '13 outside 1-12'
        '0 2 * * 8'       | null         | '8 outside 0-7'
        '0 2 * * MON'     | null         | 'use numbers'
        '@daily x y z w'  | null         | 'use numbers'
        '0 2 1 * 1'       | null         | 'restricts both day-of-month and day-of-week'
        '0 5-2 * * *'     | null         | 'runs backwards'
        '*/0 * * * *'     | null         | 'step of 0'
        '0 2 * * *'       | 'Mars/Olymp' | 'not a time zone id'
        ' '               | null         | 'cannot be null or blank'
    }

    def "normalises spacing and blank optional fields"() {
        expect:
        new PlanSchedule('  0   2 * * *  ', ' ', ' ', true) == new PlanSchedule('0 2 * * *', null, null, true)
    }

    def "lists the days of week #field selects"() {
        expect:
        PlanSchedule.daysOfWeek(field) == days

        where:
        field   | days
        '*'     | [0, 1, 2, 3, 4, 5, 6]
        '1-5'   | [1, 2, 3, 4, 5]
        '7'     | [0]
        '5-7'   | [0, 5, 6]
        '*/2'   | [0, 2, 4, 6]
        '1/3'   | [1, 4]
        '0,3'   | [0, 3]
    }
}
