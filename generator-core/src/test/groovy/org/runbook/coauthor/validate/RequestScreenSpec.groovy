package org.runbook.coauthor.validate

import spock.lang.Specification

class RequestScreenSpec extends Specification {
    def "refuses #text at column #column"() {
        when:
        def findings = RequestScreen.screen(text)

        then:
        findings.size() == 1
        findings[0].ruleId() == 'SEC001'
        findings[0].isError()
        findings[0].line() == 1
        findings[0].column() == column
        findings[0].message().contains('destructive')

        where:
        text                                                   | column
        'Wipe the root filesystem with rm -rf / on every node' | 1
        'please run rm -rf /* on the box'                      | 12
        'format it: mkfs.ext4 /dev/sdb'                        | 12
        'dd if=/dev/zero of=/dev/sda bs=1M'                    | 1
        'run :(){ :|:& };: for fun'                            | 5
    }

    def "lets #text through"() {
        expect:
        RequestScreen.screen(text).isEmpty()

        where:
        text << [
                'Delete log files older than 7 days in /var/log/myapp',
                'rm -rf /srv/app/releases/old after a deploy',
                'Drop the staging database (with confirmation)',
                'dd the disk image of=/tmp/disk.img',
                '',
        ]
    }
}
