package org.runbook.coauthor.rundeck.lifecycle

import com.dtolabs.rundeck.core.common.NodeEntryImpl
import com.dtolabs.rundeck.core.common.NodeSetImpl
import com.dtolabs.rundeck.core.jobs.JobOption
import com.dtolabs.rundeck.plugins.jobs.JobOptionImpl
import com.dtolabs.rundeck.plugins.jobs.JobPersistEventImpl
import com.dtolabs.rundeck.plugins.jobs.JobPreExecutionEventImpl
import org.runbook.coauthor.api.CoAuthor
import org.runbook.coauthor.plan.GenerationRequest
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings
import spock.lang.Specification

class SafetyPolicyPluginSpec extends Specification {
    static final String AWS_KEY = 'AKIA' + 'Q3EGRIXLM7ZP4VHN'

    static JobOptionImpl opt(Map args) {
        def b = JobOptionImpl.builder().name(args.name as String)
        if (args.description) b.description(args.description as String)
        if (args.value) b.defaultValue(args.value as String)
        if (args.storagePath) b.defaultStoragePath(args.storagePath as String)
        if (args.secure) b.secureInput(true)
        if (args.required) b.required(true)
        if (args.values) b.values(new TreeSet<String>(args.values as List<String>)).enforced(true)
        if (args.regex) b.regex(args.regex as String)
        b.build()
    }

    static NodeSetImpl nodes(int count) {
        def set = new NodeSetImpl()
        (1..<(count + 1)).each { set.putNode(new NodeEntryImpl("web${it}.example.com", "web${it}")) }
        count == 0 ? new NodeSetImpl() : set
    }

    static JobPersistEventImpl saveEvent(List<JobOptionImpl> options, int nodeCount = 1) {
        JobPersistEventImpl.builder()
                .jobName('Clean up')
                .projectName('ops')
                .userName('alice')
                .nodeFilter('tags: web')
                .options(new TreeSet<JobOption>(options))
                .nodes(nodes(nodeCount))
                .build()
    }

    static SafetyPolicyPlugin plugin(String mode, Map extra = [:]) {
        def p = new SafetyPolicyPlugin()
        p.mode = mode
        p.maxNodesWithoutConfirm = extra.max ?: 10
        p.confirmOptionName = extra.confirm ?: 'confirm'
        p.allowedSecretStoragePrefix = extra.prefix
        p
    }

    static final List<JobOptionImpl> CONFIRM = [opt(name: 'confirm', required: true, values: ['yes'])]

    def "a job with #rule problems is #outcome in #mode mode"() {
        when:
        def status = plugin(mode, [prefix: 'keys/project/ops/']).beforeSaveJob(saveEvent(options, nodeCount))

        then:
        status != null
        status.successful == (mode == 'warn')
        status.errorMessage.startsWith('Co-author safety policy: ')
        status.errorMessage.contains(expected)
        status.errorMessage.contains("[$rule]")
        !status.errorMessage.contains(AWS_KEY)

        where:
        mode      | rule                      | nodeCount | options                                                                                      || expected
        'warn'    | 'secure-option-default'   | 1         | [opt(name: 'db_password', secure: true, value: 'hunter22')]                                 || 'secure option "db_password" has a plaintext default value; store the secret in Key Storage'
        'enforce' | 'secure-option-default'   | 1         | [opt(name: 'db_password', secure: true, value: 'hunter22')]                                 || 'secure option "db_password" has a plaintext default value'
        'warn'    | 'plaintext-secret-default'| 1         | [opt(name: 'api_token', value: 'tok3nW1thD1g1tsAndMoreStuff9')]                            || 'option "api_token" is named like a secret but is not secure'
        'enforce' | 'plaintext-secret-default'| 1         | [opt(name: 'db_password', value: 'changeme')]                                               || 'make "db_password" a secure option backed by a Key Storage path'
        'enforce' | 'plaintext-secret-default'| 1         | [opt(name: 'region', value: AWS_KEY)]                                                        || 'option "region" has a default that looks like a AWS access key id (AKIA…)'
        'enforce' | 'secret-storage-prefix'   | 1         | [opt(name: 'pw', secure: true, storagePath: 'keys/project/other/pw')]                      || 'reads Key Storage path "keys/project/other/pw", outside "keys/project/ops/"'
        'enforce' | 'secret-storage-prefix'   | 1         | [opt(name: 'pw', secure: true, storagePath: 'keys/project/ops/../../root/pw')]             || 'which climbs out of its directory'
        'warn'    | 'option-name'             | 1         | [opt(name: 'bad name!')]                                                                     || 'option name "bad name!" has characters Rundeck does not allow'
        'enforce' | 'option-name'             | 1         | [opt(name: '${x}')]                                                                          || 'rename it using only letters, digits'
        'enforce' | 'option-regex'            | 1         | [opt(name: 'host', regex: '([a-z')]                                                          || 'regex "([a-z" of option "host" does not compile'
        'warn'    | 'option-regex'            | 1         | [opt(name: 'host', regex: '^(a+)+$')]                                                        || 'can backtrack catastrophically: the group ending at column 5'
        'enforce' | 'option-regex'            | 1         | [opt(name: 'host', regex: 'a' * 600)]                                                        || 'it is 600 characters long (the limit is 500)'
        'warn'    | 'blast-radius'            | 11        | []                                                                                           || 'job "Clean up" matches 11 nodes with filter "tags: web", more than the 10 allowed'
        'enforce' | 'blast-radius'            | 25        | [opt(name: 'confirm', values: ['yes'])]                                                      || 'add a required option "confirm" with enforced values [yes]'
        'enforce' | 'blast-radius'            | 25        | [opt(name: 'confirm', required: true, values: ['yes'], value: 'yes')]                       || 'matches 25 nodes'
        'enforce' | 'blast-radius'            | 25        | [opt(name: 'confirm', required: true)]                                                       || 'matches 25 nodes'
        outcome = mode == 'warn' ? 'saved with a message' : 'rejected'
    }

    def "a sound job passes: #why"() {
        expect:
        plugin('enforce', [prefix: 'keys/project/ops/']).beforeSaveJob(saveEvent(options, nodeCount)) == null

        where:
        why                                  | nodeCount | options
        'no options, one node'               | 1         | []
        'no nodes at all (server only)'      | 0         | []
        'secure option from Key Storage'     | 1         | [opt(name: 'db_password', secure: true, storagePath: 'keys/project/ops/db.pw')]
        'secure option without default'      | 1         | [opt(name: 'db_password', secure: true)]
        'secret-like name without default'   | 1         | [opt(name: 'api_token')]
        'secret-like name with a reference'  | 1         | [opt(name: 'api_token', value: '${globals.token}')]
        'object key is not a secret'         | 1         | [opt(name: 'object_key', value: 'backups/app.tar.gz')]
        'bounded regex'                      | 1         | [opt(name: 'host', regex: '^[a-z0-9.-]{1,253}$')]
        'escaped parens are not a group'     | 1         | [opt(name: 'v', regex: '\\(a+\\)+')]
        'exactly the limit'                  | 10        | []
        'wide but confirmed'                 | 500       | CONFIRM
        'wide, confirmed by a regex'         | 500       | [opt(name: 'confirm', required: true, regex: '^I understand$')]
    }

    def "the confirmation option name and the node limit come from the project settings"() {
        given:
        def p = plugin('enforce', [max: 3, confirm: 'really'])

        expect:
        p.beforeSaveJob(saveEvent(CONFIRM, 4)).errorMessage.contains('add a required option "really"')
        p.beforeSaveJob(saveEvent([opt(name: 'really', required: true, values: ['yes'])], 4)) == null
        p.beforeSaveJob(saveEvent([], 3)) == null
    }

    def "all violations of one job are reported in one message"() {
        when:
        def status = plugin('enforce').beforeSaveJob(saveEvent([
            opt(name: 'db password', secure: true, value: 'x'),
            opt(name: 'host', regex: '(.*)*')
        ], 20))

        then:
        status.errorMessage.count('; also ') == 3
    }

    def "an unknown mode fails with the valid modes"() {
        when:
        plugin('block').beforeSaveJob(saveEvent([]))

        then:
        def e = thrown(IllegalArgumentException)
        e.message == 'policy mode "block" is unknown; use "warn" or "enforce"'
    }

    def "a run of a destructive co-author job with confirm=#given is #outcome"() {
        given:
        def confirm = opt(name: 'confirm', required: true, values: ['yes'], description: SafetyPolicy.DESTRUCTIVE_MARKER + ' Choose "yes" to confirm.')
        def event = JobPreExecutionEventImpl.builder()
                .jobName('Drop table').projectName('ops').userName('bob')
                .options(new TreeSet<JobOption>([confirm, opt(name: 'table')]))
                .optionsValues(given == null ? [table: 't'] : [confirm: given, table: 't'])
                .nodes(nodes(1)).build()

        when:
        def status = plugin(mode).beforeJobExecution(event)

        then:
        (status == null) == allowed
        allowed || status.errorMessage == 'Co-author safety policy: job "Drop table" is marked destructive by the' +
                ' co-author and runs only when option "confirm" is "yes"; it was ' + shown +
                '; run the job again and choose "yes" for "confirm" [destructive-unconfirmed]'

        where:
        mode      | given  || allowed | shown
        'warn'    | 'yes'  || true    | ''
        'enforce' | ' yes' || true    | ''
        'warn'    | 'no'   || false   | '"no"'
        'enforce' | 'YES'  || false   | '"YES"'
        'enforce' | ''     || false   | 'not given'
        'enforce' | null   || false   | 'not given'
        outcome = allowed ? 'allowed' : 'refused'
    }

    def "a run of a job without the co-author marker is never refused"() {
        given:
        def event = JobPreExecutionEventImpl.builder().jobName('j').projectName('p')
                .options(new TreeSet<JobOption>([opt(name: 'confirm', required: true, values: ['yes'])]))
                .optionsValues([:]).build()

        expect:
        plugin('enforce').beforeJobExecution(event) == null
        plugin('enforce').beforeJobExecution(JobPreExecutionEventImpl.builder().jobName('j').build()) == null
    }

    def "the marker matches the confirmation option the offline author renders for a destructive job"() {
        given:
        def result = CoAuthor.offline().generate(GenerationRequest.builder()
                .text('Delete log files older than 30 days under /var/log/app on the web nodes').build())
        def job = new Load(LoadSettings.builder().build()).loadFromString(result.artifact())[0] as Map
        def confirm = (job.options as List<Map>).find { it.description?.startsWith(SafetyPolicy.DESTRUCTIVE_MARKER) }

        expect:
        confirm != null
        confirm.required == true
        confirm.enforced == true
        confirm.values == ['yes']
    }
}
