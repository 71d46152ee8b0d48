package org.runbook.coauthor.render

import org.runbook.coauthor.dryrun.jenkins.PipelineDryRun
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunOptions
import org.runbook.coauthor.plan.Action
import org.runbook.coauthor.plan.PlanOption
import org.runbook.coauthor.plan.PlanSchedule
import org.runbook.coauthor.plan.PlanStep
import org.runbook.coauthor.plan.PlanTarget
import org.runbook.coauthor.plan.Provenance
import org.runbook.coauthor.plan.Risk
import org.runbook.coauthor.plan.RunOn
import org.runbook.coauthor.plan.RunbookPlan
import org.runbook.coauthor.render.jenkins.JenkinsPipelineRenderer
import org.runbook.coauthor.validate.Validator
import org.runbook.coauthor.validate.ValidatorOptions
import org.runbook.coauthor.validate.jenkins.JenkinsValidator
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings
import spock.lang.Specification

class ScheduleRenderingSpec extends Specification {
    def rundeck = new RundeckJobRenderer()
    def jenkins = new JenkinsPipelineRenderer()

    static RunbookPlan plan(PlanSchedule schedule, List<PlanOption> options = []) {
        new RunbookPlan('Back up the database', 'coauthor/test', 'Back up the database every night', 'Test',
                options, PlanTarget.server(),
                [new PlanStep('s1', 'Dump it', Action.COMMAND,
                        [command: 'echo dump' + options.collect { ' "${option.' + it.name() + '}"' }.join('')], RunOn.SERVER, null,
                        Risk.MUTATING, 'test')],
                [], schedule, new Provenance('offline', ['test.block'], null, null, []))
    }

    static Map job(String yaml) {
        ((List<Map>) new Load(LoadSettings.builder().build()).loadFromString(yaml))[0]
    }

    def "renders cron #cron as the Rundeck schedule #expected"() {
        given:
        def yaml = rundeck.render(plan(new PlanSchedule(cron, zone, 'when', true)))
        def j = job(yaml)

        expect:
        new Validator().validate(yaml, 'job.yaml') == []
        j.schedule == expected
        j.scheduleEnabled == true
        j.timeZone == zone
        j.schedule.time.seconds == '0'

        where:
        cron             | zone            | expected
        '0 2 * * *'      | null            | [time: [hour: '2', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: '*']]
        '30 14 * * *'    | 'Europe/Paris'  | [time: [hour: '14', minute: '30', seconds: '0'], month: '*', year: '*', weekday: [day: '*']]
        '*/15 * * * *'   | null            | [time: [hour: '*', minute: '0/15', seconds: '0'], month: '*', year: '*', weekday: [day: '*']]
        '0 */6 * * *'    | 'UTC'           | [time: [hour: '0/6', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: '*']]
        '0 1 * * 0'      | null            | [time: [hour: '1', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: 'SUN']]
        '0 1 * * 7'      | null            | [time: [hour: '1', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: 'SUN']]
        '0 8 * * 1-5'    | null            | [time: [hour: '8', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: 'MON-FRI']]
        '0 8 * * 1,3,5'  | null            | [time: [hour: '8', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: 'MON,WED,FRI']]
        '0 8 * * 5-7'    | null            | [time: [hour: '8', minute: '0', seconds: '0'], month: '*', year: '*', weekday: [day: 'SUN,FRI,SAT']]
        '0 0 1 * *'      | null            | [time: [hour: '0', minute: '0', seconds: '0'], month: '*', year: '*', dayofmonth: [day: '1']]
        '0 0 */2 1-6 *'  | null            | [time: [hour: '0', minute: '0', seconds: '0'], month: '1-6', year: '*', dayofmonth: [day: '1/2']]
    }

    def "leaves out the schedule and says why when a required option has no default"() {
        given:
        def yaml = rundeck.render(plan(new PlanSchedule('0 2 * * *', null, 'every night at 02:00', true),
                [PlanOption.text('database', 'the database')]))
        def j = job(yaml)

        expect:
        new Validator().validate(yaml, 'job.yaml') == []
        !j.containsKey('schedule')
        j.description.contains('a scheduled run cannot prompt for `database`')
    }

    def "keeps the schedule when every required option has a default"() {
        given:
        def yaml = rundeck.render(plan(new PlanSchedule('0 2 * * *', null, 'every night at 02:00', true),
                [PlanOption.text('database', 'the database').withDefault('billing')]))

        expect:
        new Validator().validate(yaml, 'job.yaml') == []
        job(yaml).schedule.time.hour == '2'
        job(yaml).description.contains('Every night at 02:00 (cron `0 2 * * *`).')
    }

    def "renders a plan without schedule with no schedule"() {
        expect:
        !job(rundeck.render(plan(null))).containsKey('schedule')
        !job(rundeck.render(plan(null))).description.contains('Schedule')
        !jenkins.render(plan(null)).contains('triggers')
    }

    def "renders cron #cron for Jenkins as #spec"() {
        given:
        def text = jenkins.render(plan(new PlanSchedule(cron, zone, 'when', flexible)))
        def findings = new JenkinsValidator(ValidatorOptions.defaults()).validate(text, 'Jenkinsfile')
        def dry = new PipelineDryRun(PipelineDryRunOptions.defaults()).run(text, 'Jenkinsfile')

        expect:
        text.contains("    triggers {\n        cron($spec)\n    }\n")
        text.indexOf('triggers {') < text.indexOf('stages {')
        findings.findAll { it.isError() } == []
        !dry.hasErrors()

        where:
        cron           | zone        | flexible | spec
        '0 2 * * *'    | null        | true     | "'H 2 * * *'"
        '0 2 * * *'    | null        | false    | "'0 2 * * *'"
        '30 14 * * *'  | null        | false    | "'30 14 * * *'"
        '*/15 * * * *' | null        | true     | "'H/15 * * * *'"
        '0 */6 * * *'  | null        | true     | "'H */6 * * *'"
        '0 8 * * 1-5'  | 'UTC'       | false    | "'TZ=UTC\\n0 8 * * 1-5'"
    }

    def "comments the Jenkins schedule out when a required parameter has no default"() {
        given:
        def text = jenkins.render(plan(new PlanSchedule('0 2 * * *', null, 'every night at 02:00', true),
                [PlanOption.text('database', 'the database')]))

        expect:
        !text.contains('triggers {')
        text.contains('cannot prompt for database')
        new JenkinsValidator(ValidatorOptions.defaults()).validate(text, 'Jenkinsfile').findAll { it.isError() } == []
    }

    def "renders the same bytes for the same scheduled plan"() {
        given:
        def p = plan(new PlanSchedule('0 8 * * 1-5', 'UTC', 'every weekday at 08:00', false))

        expect:
        rundeck.render(p) == rundeck.render(p)
        jenkins.render(p) == jenkins.render(p)
    }
}
