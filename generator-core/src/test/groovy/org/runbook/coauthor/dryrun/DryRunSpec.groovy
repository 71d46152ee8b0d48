package org.runbook.coauthor.dryrun

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

class DryRunSpec extends Specification {
    @TempDir
    Path dir

    static final String JOB = '''\
- name: restart
  options:
    - name: service
      regex: ^[a-z0-9_.@-]+$
      required: true
    - name: target
      value: web01
  nodefilters:
    filter: 'name: ${option.target}'
  sequence:
    commands:
      - exec: systemctl restart "${option.service}" on ${node.hostname}
        description: restart it
      - script: |
          #!/usr/bin/env bash
          echo "@option.service@ on @node.name@ ops@@example.com"
      - type: flow-control
        nodeStep: false
        configuration:
          halt: 'false'
'''

    Path inventory() {
        def f = dir.resolve('nodes.yaml')
        Files.writeString(f, '''\
web01: {nodename: web01, hostname: web01.example.com, tags: 'web,prod'}
web02: {nodename: web02, hostname: web02.example.com, tags: web}
db01: {nodename: db01, hostname: db01.example.com, tags: db}
''')
        f
    }

    def "expands commands and scripts per selected node with Rundeck's own code"() {
        when:
        def result = new DryRun(DryRunOptions.builder().nodes(inventory()).optionValues([service: 'nginx']).build())
                .run(JOB, 'job.yaml')
        def job = result.jobs()[0]

        then:
        result.findings() == []
        job.nodes() == ['web01']
        job.inventorySize() == 3
        job.steps()[0].runs()[0].text() == 'systemctl restart nginx on web01.example.com'
        job.steps()[1].runs()[0].text().contains('echo "nginx on web01 ops@example.com"')
        job.steps()[2].runs()[0].node() == '(server)'
        job.steps()[2].runs()[0].text().contains('halt = false')
    }

    def "shows the command line Rundeck would build for #command with #value: #expected"() {
        given:
        def job = """\
- name: x
  options:
    - name: v
  sequence:
    commands:
      - exec: '$command'
"""
        expect:
        new DryRun(DryRunOptions.builder().optionValues([v: value]).build()).run(job, 'job.yaml')
                .jobs()[0].steps()[0].runs()[0].text() == expected

        where:
        command                       | value          | expected
        'echo ${option.v}'            | 'a; id'        | "echo 'a; id'"
        'echo "${option.v}"'          | '$(id)'        | "echo '\$(id)'"
        'echo ${unquotedoption.v}'    | 'a; id'        | 'echo a; id'
        'echo pre-${option.v}'        | '$(id)'        | 'echo pre-$(id)'
        'echo ${option.v}'            | 'plain'        | 'echo plain'
    }

    def "says where each option value came from"() {
        when:
        def options = new DryRun(DryRunOptions.builder().nodes(inventory()).build()).run(JOB, 'job.yaml').jobs()[0].options()

        then:
        options*.origin() == ['synthesized', 'default']
        options[0].value() ==~ /^[a-z0-9_.@-]+$/
    }

    def "reports a filter that selects no node as DR002 at the filter"() {
        when:
        def result = new DryRun(DryRunOptions.builder().nodes(inventory()).optionValues([target: 'nope']).build())
                .run(JOB, 'job.yaml')

        then:
        result.findings()*.ruleId() == ['DR002']
        result.findings()[0].line() == 9
        result.findings()[0].message() == 'node filter "name: nope" matches none of the 3 nodes in the inventory'
    }

    def "reports a reference nothing defines as DR001 once per step"() {
        given:
        def job = '''\
- name: x
  sequence:
    commands:
      - exec: echo ${option.missing} ${option.missing}
'''
        when:
        def result = new DryRun(DryRunOptions.defaults()).run(job, 'job.yaml')

        then:
        result.findings()*.ruleId() == ['DR001']
        result.findings()[0].message().startsWith('reference "${option.missing}" has no value')
        result.jobs()[0].steps()[0].runs()[0].text() == 'echo  '
    }

    def "runs a job without a node filter on the Rundeck server node"() {
        when:
        def job = new DryRun(DryRunOptions.defaults()).run("- name: x\n  sequence:\n    commands:\n      - exec: hostname\n", 'j.yaml').jobs()[0]

        then:
        job.nodes() == ['localhost']
        job.filter() == null
    }

    def "makes sample nodes that match the filter when asked and no inventory is given"() {
        when:
        def job = new DryRun(DryRunOptions.builder().sampleNodes(true).optionValues([service: 'x']).build())
                .run(JOB, 'job.yaml').jobs()[0]

        then:
        job.nodes() == ['web01']
    }

    def "flags an expanded script that is no longer valid shell as DR003"() {
        given:
        def job = '''\
- name: x
  options:
    - name: msg
  sequence:
    commands:
      - script: |
          echo "@option.msg@"
'''
        when:
        def result = new DryRun(DryRunOptions.builder().optionValues([msg: 'a"b']).build()).run(job, 'job.yaml')

        then:
        result.findings()*.ruleId() == ['DR003']
    }

    def "rejects an inventory that is not a resource model with a clear error"() {
        given:
        def bad = dir.resolve('bad.yaml')
        Files.writeString(bad, '- just\n- a list\n')

        when:
        new DryRun(DryRunOptions.builder().nodes(bad).build()).run(JOB, 'job.yaml')

        then:
        def e = thrown(org.runbook.coauthor.error.InvalidInputException)
        e.message.contains('bad.yaml')
    }

    def "prints a transcript of step by node"() {
        when:
        def text = Transcript.text(new DryRun(DryRunOptions.builder().nodes(inventory()).optionValues([service: 'nginx']).build())
                .run(JOB, 'job.yaml'))

        then:
        text.contains('nodes: web01 (1 of 3 match "name: ${option.target}")')
        text.contains('step 1: restart it [exec]')
        text.contains('    | systemctl restart nginx on web01.example.com')
    }
}
