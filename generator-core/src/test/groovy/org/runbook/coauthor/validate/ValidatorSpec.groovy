package org.runbook.coauthor.validate

import spock.lang.Specification

class ValidatorSpec extends Specification {
    def validator = new Validator()

    def "reports #problem as #ruleId at line #line"() {
        when:
        def findings = validator.validate(text, 'job.yaml')

        then:
        findings.any { it.ruleId() == ruleId && it.line() == line && it.isError() }

        where:
        problem                  | text                                                                            | ruleId  | line
        'a YAML syntax error'    | '- name: x\n  sequence: [unclosed\n'                                           | 'RD000' | 3
        'a misspelled key'       | '- name: x\n  sequence:\n    commands:\n      - exec: ls\n  nodefilters:\n    filtr: web\n' | 'RD002' | 6
        'a missing sequence'     | '- name: x\n'                                                                   | 'RD005' | 1
        'a mapping, not a list'  | 'name: x\nsequence: {commands: [{exec: ls}]}\n'                                 | 'RD001' | 1
    }

    def "turns a YAML alias bomb into a finding instead of expanding it"() {
        given:
        def bomb = new StringBuilder('a: &a [x, x, x, x, x, x, x, x, x]\n')
        ('b'..'k').eachWithIndex { c, i ->
            def p = (char) (c.charAt(0) - 1)
            bomb << "$c: &$c [*$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p, *$p]\n"
        }

        when:
        def findings = validator.validate(bomb.toString(), 'bomb.yaml')

        then:
        findings.size() == 1
        findings[0].ruleId() == 'RD000'
    }

    def "formats a finding as file:line:col: message [ID]"() {
        expect:
        new Finding('RD101', Severity.ERROR, 'job.yaml', 3, 7, '$[0]', 'option "x" is not defined', 'add it').toString() ==
                'job.yaml:3:7: option "x" is not defined [RD101]'
    }

    def "accepts an empty list of jobs without crashing"() {
        expect:
        validator.validate('[]\n', 'empty.yaml') instanceof List
    }
}
