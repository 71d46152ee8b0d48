package org.runbook.coauthor.render

import org.runbook.coauthor.plan.Action
import org.runbook.coauthor.plan.NodeSelector
import org.runbook.coauthor.plan.OptionType
import org.runbook.coauthor.plan.PlanOption
import org.runbook.coauthor.plan.PlanStep
import org.runbook.coauthor.plan.PlanTarget
import org.runbook.coauthor.plan.Provenance
import org.runbook.coauthor.plan.Risk
import org.runbook.coauthor.plan.RunOn
import org.runbook.coauthor.plan.RunbookPlan
import org.runbook.coauthor.validate.Validator
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings
import spock.lang.Specification

class RundeckJobRendererSpec extends Specification {
    def renderer = new RundeckJobRenderer()

    static RunbookPlan plan(List<PlanStep> steps, List<PlanOption> options = [], PlanTarget target = null) {
        new RunbookPlan('Upload a file to S3', 'coauthor/data-transfers', 'Copy a file to S3', 'Data Transfers',
                options, target ?: PlanTarget.nodes(new NodeSelector('name', '${option.hostname}'), 1), steps, [], null,
                new Provenance('offline', ['dt.s3-upload-from-node'], null, null, []))
    }

    static PlanStep step(Action action, Map<String, String> params, RunOn runOn = RunOn.NODES, Risk risk = Risk.MUTATING) {
        new PlanStep('s1', 'Do it', action, params, runOn, null, risk, 'test')
    }

    static List<Map> load(String yaml) {
        (List<Map>) new Load(LoadSettings.builder().build()).loadFromString(yaml)
    }

    def "renders the same bytes for the same plan"() {
        given:
        def p = plan([step(Action.COMMAND, [command: 'echo hi'])], [PlanOption.text('hostname', 'the host')])

        expect:
        renderer.render(p) == renderer.render(p)
    }

    def "derives the uuid from the content"() {
        given:
        def a = load(renderer.render(plan([step(Action.COMMAND, [command: 'echo a'])])))[0]
        def b = load(renderer.render(plan([step(Action.COMMAND, [command: 'echo b'])])))[0]

        expect:
        a.uuid ==~ /[0-9a-f-]{36}/
        a.uuid == a.id
        a.uuid != b.uuid
    }

    def "writes #key as a real YAML boolean"() {
        given:
        def job = load(renderer.render(plan([step(Action.COMMAND, [command: 'true'])])))[0]

        expect:
        path(job, key) instanceof Boolean
        path(job, key) == expected

        where:
        key                              | expected
        'executionEnabled'               | true
        'scheduleEnabled'                | true
        'nodeFilterEditable'             | false
        'sequence.keepgoing'             | false
        'nodefilters.dispatch.keepgoing' | false
    }

    def "drives the node filter from the option the plan names"() {
        expect:
        load(renderer.render(plan([step(Action.COMMAND, [command: 'true'])])))[0].nodefilters.filter ==
                'name: ${option.hostname}'
    }

    def "leaves out node filters when every step runs on the server"() {
        given:
        def job = load(renderer.render(plan([step(Action.COMMAND, [command: 'kubectl get pods'], RunOn.SERVER)], [],
                PlanTarget.server())))[0]

        expect:
        !job.containsKey('nodefilters')
        job.sequence.commands[0].exec == 'kubectl get pods'
    }

    def "backs a secure option with Key Storage and never gives it a default"() {
        given:
        def secret = new PlanOption('db_password', 'Database password', OptionType.TEXT, true, true,
                'keys/coauthor/db_password', null, [], null, false)
        def job = load(renderer.render(plan([step(Action.SCRIPT, [script: 'echo "${option.db_password}" >/dev/null'])],
                [secret])))[0]
        def option = job.options[0]

        expect:
        option.secure == true
        option.storagePath == 'keys/coauthor/db_password'
        !option.containsKey('value')
        job.sequence.pluginConfig.LogFilter[0].type == 'mask-passwords'
        // Sorted keys, as everywhere: an unordered map here once made the bytes differ between JVM runs.
        (job.sequence.pluginConfig.LogFilter[0] as Map).keySet() as List == ['config', 'type']
    }

    def "a secure option with a default cannot even be built"() {
        when:
        new PlanOption('token', '', OptionType.TEXT, true, true, null, 'hunter2', [], null, false)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'secure option "token" cannot have a default value; use keyStoragePath'
    }

    def "turns option references into @tokens@ inside scripts and escapes only the @ that would start a token"() {
        given:
        def job = load(renderer.render(plan([step(Action.SCRIPT, [script: 'user="${option.username}"\necho "$@" ops@example.com\necho "${option.user}@${option.host}" a@b@c'])])))[0]
        String script = job.sequence.commands[0].script

        expect:
        script.startsWith('#!/usr/bin/env bash\nset -euo pipefail\n')
        script.contains('user="@option.username@"')
        script.contains('echo "$@" ops@example.com')
        script.contains('"@option.user@@@@option.host@"')
        script.contains('a@@b@c')
    }

    def "renders scripts that Rundeck's own token reader turns back into the intended text: #body"() {
        given:
        def job = load(renderer.render(plan([step(Action.SCRIPT, [script: body])])))[0]
        def values = ['option.user': 'alice', 'option.host': 'db1', 'option.dir': '/srv']
        def reader = new com.dtolabs.rundeck.core.dispatcher.ReplaceTokenReader(
                new StringReader(job.sequence.commands[0].script as String), values, true, '@' as char, '@' as char)

        expect:
        reader.text == ShellText.PROLOGUE + expected + '\n'

        where:
        body                                              | expected
        'echo "$@"'                                       | 'echo "$@"'
        'printf "%s\\n" "${arr[@]}"x"${b[@]}"'            | 'printf "%s\\n" "${arr[@]}"x"${b[@]}"'
        'mail ops@example.com'                            | 'mail ops@example.com'
        'scp f "${option.user}@${option.host}:${option.dir}"' | 'scp f "alice@db1:/srv"'
        'echo a@b@c @@'                                   | 'echo a@b@c @@'
        'git clone git@github.com:org/repo.git'           | 'git clone git@github.com:org/repo.git'
    }

    def "renders #action as #expected"() {
        given:
        def rendered = load(renderer.render(plan([step(action, params)])))[0].sequence.commands[0]

        expect:
        rendered.toString().contains(expected)

        where:
        action             | params                                                                  | expected
        Action.S3_UPLOAD   | [source: '/tmp/${option.file}', bucket: '${option.bucket}', key: 'k']  | 'aws s3 cp "/tmp/${option.file}" "s3://${option.bucket}/k"'
        Action.S3_DOWNLOAD | [bucket: 'b', key: '${option.key}', destination: '/srv']              | 'aws s3 cp "s3://b/${option.key}" "/srv"'
        Action.COPY_FILE   | [source: '/etc/motd', destination: '/tmp/']                           | 'type:copyfile'
        Action.JOB_REF     | [name: 'smoke test', group: 'ops']                                    | 'name:smoke test'
        Action.HTTP_REQUEST| [url: 'https://example.com/health', expect_status: '200']              | "curl -sS -o /dev/null -X GET"
        Action.WAIT_UNTIL  | [condition: 'systemctl is-active --quiet nginx', timeout: '60']       | 'until systemctl is-active --quiet nginx; do'
    }

    def "escapes literal shell metacharacters but keeps option references live"() {
        expect:
        ShellText.doubleQuoted('a"b$c`d\\e ${option.x}') == '"a\\"b\\$c\\`d\\\\e ${option.x}"'
    }

    def "produces a job the validator accepts with no finding for #action"() {
        expect:
        new Validator().validate(renderer.render(plan([step(action, params)], optionsFor(params))), 'job.yaml') == []

        where:
        action             | params
        Action.COMMAND     | [command: 'systemctl restart "${option.service}"']
        Action.SCRIPT      | [script: 'df -h']
        Action.COPY_FILE   | [source: '/etc/motd', destination: '/tmp/']
        Action.JOB_REF     | [name: 'smoke', group: 'ops']
        Action.PLUGIN      | [type: 'flow-control', node_step: 'false', halt: 'true']
    }

    def "describes the job in Markdown with its inputs and risk"() {
        given:
        def job = load(renderer.render(plan([step(Action.COMMAND, [command: 'rm -rf "/srv/${option.app}"'], RunOn.NODES,
                Risk.DESTRUCTIVE)], [PlanOption.text('app', 'Application directory')])))[0]

        expect:
        job.description.startsWith('Copy a file to S3\n')
        job.description.contains('| `app` | yes |  | Application directory |')
        job.description.contains('**destructive**')
    }

    /** The options a test plan's node filter and step reference, constrained as the author makes them. */
    static List<PlanOption> optionsFor(Map<String, String> params) {
        def names = ['hostname'] + (params.values().join(' ') =~ /\$\{option\.([a-z_]+)}/).collect { it[1] }
        names.unique().collect {
            new PlanOption(it, "the $it", OptionType.TEXT, true, false, null, null, [], '^[A-Za-z0-9_.-]+$', false)
        }
    }

    private static Object path(Map job, String dotted) {
        dotted.split('\\.').inject(job) { acc, k -> acc[k] }
    }
}
