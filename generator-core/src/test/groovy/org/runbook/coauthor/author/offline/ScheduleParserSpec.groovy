package org.runbook.coauthor.author.offline

import spock.lang.Specification

class ScheduleParserSpec extends Specification {

    def "reads \"#request\" as cron #cron"() {
        when:
        def reading = ScheduleParser.read(request)

        then:
        reading.schedule().isPresent()
        with(reading.schedule().get()) {
            it.cron() == cron
            it.flexibleMinute() == flexible
            it.timeZone() == zone
            it.description() == words
        }
        reading.note().isEmpty()

        where:
        request                                                        | cron           | flexible | zone  | words
        'Back up the database every night'                             | '0 2 * * *'    | true     | null  | 'every night at 02:00'
        'Run the backup nightly.'                                      | '0 2 * * *'    | true     | null  | 'every night at 02:00'
        'Vacuum the db every night at 11pm'                            | '0 23 * * *'   | false    | null  | 'every night at 23:00'
        'Every night, back up a Postgres database and upload the dump' | '0 2 * * *'    | true     | null  | 'every night at 02:00'
        'Rotate the logs daily at 3am'                                 | '0 3 * * *'    | false    | null  | 'every day at 03:00'
        'Restart the cache every day at 14:30'                         | '30 14 * * *'  | false    | null  | 'every day at 14:30'
        'Restart the cache every day at 2:30 pm UTC'                   | '30 14 * * *'  | false    | 'UTC' | 'every day at 14:30 UTC'
        'Purge the queue daily at midnight'                            | '0 0 * * *'    | false    | null  | 'every day at 00:00'
        'Clear tmp once a day at noon'                                 | '0 12 * * *'   | false    | null  | 'every day at 12:00'
        'Run the report daily'                                         | '0 0 * * *'    | true     | null  | 'every day at 00:00'
        'Check disk space hourly'                                      | '0 * * * *'    | true     | null  | 'every hour'
        'Check disk space every hour and alert'                        | '0 * * * *'    | true     | null  | 'every hour'
        'Ping the endpoint every 15 minutes'                           | '*/15 * * * *' | true     | null  | 'every 15 minutes'
        'Ping the endpoint every five mins'                            | '*/5 * * * *'  | true     | null  | 'every 5 minutes'
        'Ping the endpoint every minute'                               | '* * * * *'    | true     | null  | 'every minute'
        'Sync the mirror every 6 hours'                                | '0 */6 * * *'  | true     | null  | 'every 6 hours'
        'Sync the mirror every 1 hours'                                | '0 * * * *'    | true     | null  | 'every hour'
        'Compact the index weekly'                                     | '0 0 * * 0'    | true     | null  | 'every Sunday at 00:00'
        'Compact the index weekly on mondays at 4am'                   | '0 4 * * 1'    | false    | null  | 'every Monday at 04:00'
        'Patch the hosts every Sunday at 1am'                          | '0 1 * * 0'    | false    | null  | 'every Sunday at 01:00'
        'Patch the hosts every monday'                                 | '0 0 * * 1'    | true     | null  | 'every Monday at 00:00'
        'Patch the hosts on fridays at 22:15'                          | '15 22 * * 5'  | false    | null  | 'every Friday at 22:15'
        'Send the report every weekday at 8am'                         | '0 8 * * 1-5'  | false    | null  | 'every weekday at 08:00'
        'Archive the audit log monthly'                                | '0 0 1 * *'    | true     | null  | 'on day 1 of every month at 00:00'
        'Archive the audit log on the 1st of every month'              | '0 0 1 * *'    | true     | null  | 'on day 1 of every month at 00:00'
        'Archive the audit log on the 15th of each month at 02:30'     | '30 2 15 * *'  | false    | null  | 'on day 15 of every month at 02:30'
        'Back up nightly at 02:30 to 10.0.0.5'                         | '30 2 * * *'   | false    | null  | 'every night at 02:30'
    }

    def "finds no schedule in \"#request\""() {
        expect:
        ScheduleParser.read(request) == new ScheduleParser.Reading(Optional.empty(), Optional.empty())

        where:
        request << [
            'Back up the billing database and upload the dump to S3',
            'Compress the daily logs and upload them',
            'Copy the nightly backup archive from the database server to the backup host',
            'Trigger the nightly build',
            'Wipe the root filesystem with rm -rf / on every node so we can start fresh',
            'Restart nginx on every server, 3 at a time',
            'Restart nginx at 02:30',
            'Connect to the database at 10.0.0.5 on port 5432',
            'Restart the web tier every 3 nodes at a time',
            'Sum the hourly rate of every employee',
            'Post the weekly report to the channel',
            '',
        ]
    }

    def "refuses to guess for \"#request\" and says why"() {
        when:
        def reading = ScheduleParser.read(request)

        then:
        reading.schedule().isEmpty()
        reading.note().get().startsWith('no schedule set: ')
        reading.note().get().contains(why)

        where:
        request                                               | why
        'Ping the endpoint every 7 minutes'                   | 'does not divide the hour'
        'Ping the endpoint every 0 minutes'                   | 'does not divide the hour'
        'Ping the endpoint every 90 minutes'                  | 'does not divide the hour'
        'Sync every 5 hours'                                  | 'does not divide the day'
        'Poll the queue every 30 seconds'                     | 'finer than a cron schedule'
        'Back up every night at 3'                            | 'unclear'
        'Back up daily at 3 o\'clock'                         | 'unclear'
        'Back up daily at 25:00'                              | 'unclear'
        'Back up daily at 13pm'                               | 'unclear'
        'Back up every night and every hour'                  | 'more than one schedule'
        'Patch every monday at 2am and every friday at 2am'   | 'more than one schedule'
        'Back up daily at 2am and 3am'                        | 'more than one time'
        'Back up daily at 2am, then verify at 4am'            | 'more than one time'
        'Ping every 15 minutes at 2am'                        | 'does not fit'
        'Archive on the 31st of every month'                  | 'does not occur in every month'
    }

    def "reads hostile text in linear time and finds nothing in it"() {
        given:
        def text = 'every ' * 20_000 + 'at ' * 20_000 + '9' * 5_000 + ' daily' * 5 + 'x'

        when:
        def reading = ScheduleParser.read(text)

        then:
        reading.schedule().isEmpty()
    }

    def "reads the same request the same way every time"() {
        expect:
        (1..20).collect { ScheduleParser.read('Sync the mirror every Sunday at 1am UTC') }.unique().size() == 1
    }
}
