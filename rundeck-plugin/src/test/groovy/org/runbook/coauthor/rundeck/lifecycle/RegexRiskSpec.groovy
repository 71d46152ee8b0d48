package org.runbook.coauthor.rundeck.lifecycle

import spock.lang.Specification

class RegexRiskSpec extends Specification {
    def "regex #regex is #verdict"() {
        expect:
        RegexRisk.catastrophic(regex).isPresent() == risky

        where:
        regex                    || risky
        '(a+)+'                  || true
        '^(\\w*)*$'              || true
        '(x{1,})+'               || true
        '((ab)*c)+'              || true
        '(a|b+){2,}'             || true
        '(a+)'                   || false
        '(ab)+'                  || false
        '[(a+)]+'                || false
        '\\(a+\\)+'              || false
        '(a{3})+'                || false
        '^[a-z0-9.-]{1,253}$'    || false
        ''                       || false
        'a' * 501                || true
        verdict = risky ? 'risky' : 'fine'
    }
}
