package org.runbook.coauthor.rundeck.generate

import com.dtolabs.rundeck.core.dispatcher.ContextView
import com.dtolabs.rundeck.core.execution.ExecutionContext
import com.dtolabs.rundeck.core.execution.workflow.SharedOutputContext
import com.dtolabs.rundeck.core.execution.workflow.steps.StepException
import com.dtolabs.rundeck.core.plugins.configuration.PluginAdapterUtility
import com.dtolabs.rundeck.core.storage.ResourceMeta
import com.dtolabs.rundeck.core.storage.StorageTree
import com.dtolabs.rundeck.plugins.PluginLogger
import com.dtolabs.rundeck.plugins.step.PluginStepContext
import com.dtolabs.rundeck.plugins.util.DescriptionBuilder
import com.fasterxml.jackson.databind.ObjectMapper
import com.sun.net.httpserver.HttpServer
import org.rundeck.storage.api.Resource
import org.runbook.coauthor.api.CategoryInfo
import org.runbook.coauthor.api.CoAuthor
import org.runbook.coauthor.api.Providers
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

class GenerateStepSpec extends Specification {
    static final String CANONICAL = 'Help me write an automated runbook that transfers a file from a directory on a' +
            ' remote node to an S3 bucket in AWS. I should be able to specify the hostname of the remote node, the' +
            ' file name and the S3 bucket.'
    static final String API_KEY = 'sk-test-KEY-must-never-be-logged-0123456789'

    @TempDir
    Path home

    PluginLogger logger = Mock()
    SharedOutputContext output = Mock()
    ExecutionContext execution = Mock()
    PluginStepContext context = Mock {
        getLogger() >> logger
        getOutputContext() >> output
        getExecutionContext() >> execution
        getFrameworkProject() >> 'ops'
        getDataContext() >> [job: [username: 'alice', name: 'Generate job']]
    }

    static GenerateStep step(Map config) {
        def s = new GenerateStep()
        config.each { k, v -> s."$k" = v }
        s
    }

    static Map decode(String line) {
        new ObjectMapper().readValue(ResultLine.decode(line), Map)
    }

    def "the canonical request generates an importable job offline and logs YAML, audit and one result line"() {
        given:
        String result = null
        def sha = GenerationRun.sha256(CANONICAL)

        when:
        step(request: CANONICAL, category: 'Data Transfers').executeStep(context, [:])

        then:
        1 * logger.log(LogLevel.NORMAL, 'Co-author: generating a Rundeck job with provider offline, category Data Transfers')
        1 * logger.log(LogLevel.NORMAL, { it.startsWith('Generated job (YAML):\n- ') && it.contains('aws s3 cp') })
        1 * logger.log(LogLevel.NORMAL, { it.startsWith('Dry-run transcript:\n') })
        1 * logger.log(LogLevel.NORMAL, 'Co-author: OK: ok')
        1 * logger.log(LogLevel.NORMAL, "coauthor audit: user=alice project=ops requestSha256=$sha provider=offline status=OK findings=0E/0W")
        1 * logger.log(LogLevel.NORMAL, { it.startsWith(ResultLine.PREFIX) }) >> { int level, String line -> result = line }
        0 * logger.log(LogLevel.ERROR, _)
        0 * logger.log(LogLevel.WARN, _)
        1 * output.addOutput(ContextView.global(), 'coauthor', 'status', 'OK')
        1 * output.addOutput(ContextView.global(), 'coauthor', 'requestSha256', sha)
        1 * output.addOutput(ContextView.global(), 'coauthor', 'provider', 'offline')

        and:
        def json = decode(result)
        json.keySet() as List == ['status', 'message', 'yaml', 'findings', 'transcript', 'provider', 'requestSha256']
        json.status == 'OK'
        json.yaml.contains("filter: 'name: \${option.hostname}'")
        json.findings == []
        json.transcript.length() > 0
        json.provider == 'offline'
        json.requestSha256 == sha
    }

    def "a refused request is logged, audited and fails the step as Refused"() {
        given:
        String result = null

        when:
        step(request: 'Wipe the disk with dd if=/dev/zero of=/dev/sda on every node').executeStep(context, [:])

        then:
        def e = thrown(StepException)
        e.failureReason == GenerateFailure.Refused
        e.message.startsWith('Co-author: REFUSED: refused: ')
        1 * logger.log(LogLevel.NORMAL, { it.startsWith('Co-author: generating') })
        1 * logger.log(LogLevel.ERROR, { it.startsWith('Co-author: REFUSED: refused: ') })
        1 * logger.log(LogLevel.NORMAL, { it.startsWith('coauthor audit: user=alice project=ops requestSha256=') && it.endsWith(' provider=offline status=REFUSED findings=1E/0W') })
        1 * logger.log(LogLevel.NORMAL, { it.startsWith(ResultLine.PREFIX) }) >> { int level, String line -> result = line }
        0 * logger.log(LogLevel.NORMAL, { it.startsWith('Generated job') })
        1 * output.addOutput(ContextView.global(), 'coauthor', 'status', 'REFUSED')
        decode(result).yaml == ''
        decode(result).findings.size() == 1
        decode(result).findings[0].keySet() as List == ['id', 'severity', 'line', 'column', 'path', 'message', 'hint']
        decode(result).findings[0].severity == 'error'
    }

    def "configuration #why fails before anything is logged"() {
        when:
        step(config).executeStep(context, [:])

        then:
        def e = thrown(StepException)
        e.failureReason == GenerateFailure.ConfigurationFailure
        e.message == message
        0 * logger._
        0 * output._

        where:
        why                        | config                                                                     || message
        'without a request'        | [:]                                                                        || 'Configuration invalid: request is required; describe the job to generate in the "request" option'
        'with a blank request'     | [request: ' \n ']                                                          || 'Configuration invalid: request is required; describe the job to generate in the "request" option'
        'with a huge request'      | [request: 'x' * 4001]                                                      || 'Configuration invalid: request is 4001 characters long; the limit is 4000; describe the task in fewer words'
        'with a 10 MB request'     | [request: 'y' * 10_000_000]                                                || 'Configuration invalid: request is 10000000 characters long; the limit is 4000; describe the task in fewer words'
        'with an unknown category' | [request: 'r', category: '..']                                             || 'Configuration invalid: category ".." is not in the catalog; use one of ' + CoAuthor.categories()*.name() + ' or leave it empty'
        'with an unknown target'   | [request: 'r', target: 'jenkins']                                          || 'Configuration invalid: target "jenkins" is not supported; use target "rundeck"'
        'with an unknown provider' | [request: 'r', provider: 'gpt']                                            || 'Configuration invalid: provider "gpt" is unknown; use one of ' + Providers.names()
        'without a key path'       | [request: 'r', provider: 'openai']                                         || 'Configuration invalid: apiKeyStoragePath is required for provider "openai"; store the API key in Key Storage (password) and set project.plugin.WorkflowStep.coauthor-generate-step.apiKeyStoragePath'
        'with a non-storage path'  | [request: 'r', provider: 'anthropic', apiKeyStoragePath: '/etc/passwd']    || 'Configuration invalid: apiKeyStoragePath "/etc/passwd" is not a Key Storage path; pick the key with the Key Storage selector (a path starting with "keys/")'
    }

    def "an unexpanded or empty category lets the co-author choose: #category"() {
        expect:
        StepConfig.check('r', category, null, null, null, null, null).category() == null
        StepConfig.check('r', 'data transfers', null, null, null, null, null).category() == 'Data Transfers'

        where:
        category << [null, '', '${option.category}']
    }

    def "an LLM provider gets the API key read from Key Storage as the executing user, and the key is never logged"() {
        given:
        def auth = []
        def server = HttpServer.create(new InetSocketAddress('127.0.0.1', 0), 0)
        server.createContext('/') { exchange ->
            auth << exchange.requestHeaders.getFirst('Authorization')
            def body = '{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}'.bytes
            exchange.responseHeaders.add('Content-Type', 'application/json')
            exchange.sendResponseHeaders(401, body.length)
            exchange.responseBody.withCloseable { it.write(body) }
        }
        server.start()
        def path = 'keys/project/ops/openai.key'
        ResourceMeta meta = Mock { getInputStream() >> new ByteArrayInputStream((API_KEY + '\n').bytes) }
        Resource<ResourceMeta> resource = Mock { getContents() >> meta }
        StorageTree tree = Mock()
        def logged = []
        def oldHome = System.getProperty('user.home')
        System.setProperty('user.home', home.toString())

        when:
        step(request: CANONICAL, provider: 'openai', model: 'gpt-4o-mini', apiKeyStoragePath: path,
                baseUrl: "http://127.0.0.1:${server.address.port}/v1").executeStep(context, [:])

        then:
        def e = thrown(StepException)
        e.failureReason == GenerateFailure.ProviderFailure
        1 * execution.getStorageTree() >> tree
        1 * tree.hasResource(path) >> true
        1 * tree.getResource(path) >> resource
        _ * logger.log(_, _) >> { int level, String text -> logged << text }
        auth.every { it == "Bearer $API_KEY" }
        !auth.isEmpty()
        logged.any { it.startsWith('coauthor audit: user=alice project=ops') && it.contains(' provider=openai status=ERROR ') }
        logged.count { it.startsWith(ResultLine.PREFIX) } == 1
        logged.every { !it.contains(API_KEY) && !(it.startsWith(ResultLine.PREFIX) && ResultLine.decode(it).contains(API_KEY)) }
        !e.message.contains(API_KEY)

        cleanup:
        System.setProperty('user.home', oldHome)
        server.stop(0)
    }

    def "Key Storage problems fail as KeyStorageFailure without the key: #why"() {
        given:
        def path = 'keys/project/ops/openai.key'
        StorageTree tree = Mock()
        execution.getStorageTree() >> tree
        tree.hasResource(path) >> exists
        ResourceMeta meta = Mock { getInputStream() >> new ByteArrayInputStream(content.bytes) }
        Resource<ResourceMeta> resource = Mock { getContents() >> meta }
        tree.getResource(path) >> { if (boom) throw new IllegalStateException('Unauthorized access'); resource }

        when:
        step(request: 'r', provider: 'openai', apiKeyStoragePath: path).executeStep(context, [:])

        then:
        def e = thrown(StepException)
        e.failureReason == GenerateFailure.KeyStorageFailure
        e.message.startsWith(message)
        e.message.endsWith('grant the job\'s user storage read access to it') || e.message.contains('not an API key')
        !e.message.contains(API_KEY)
        0 * logger._

        where:
        why             | exists | boom  | content               || message
        'missing'       | false  | false | ''                    || 'Key Storage path "keys/project/ops/openai.key" does not exist or this user may not read it'
        'empty'         | true   | false | '  \n'                || 'Key Storage path "keys/project/ops/openai.key" is empty'
        'denied'        | true   | true  | ''                    || 'cannot read Key Storage path "keys/project/ops/openai.key": Unauthorized access'
        'a whole file'  | true   | false | API_KEY * 1000        || 'Key Storage path "keys/project/ops/openai.key" holds more than 16384 bytes'
    }

    def "the description offers the catalog categories, the known providers and a Key Storage picker"() {
        given:
        def description = PluginAdapterUtility.buildDescription(new GenerateStep(), DescriptionBuilder.builder())
        def props = description.properties.collectEntries { [(it.name): it] }

        expect:
        description.name == 'coauthor-generate-step'
        description.title == 'Co-author / Generate job'
        props.keySet() == ['category', 'request', 'target', 'provider', 'model', 'baseUrl', 'apiKeyStoragePath'] as Set
        props.request.required
        props.provider.selectValues as Set == Providers.names() as Set
        props.provider.defaultValue == 'offline'
        props.provider.scope.name() == 'Project'
        props.apiKeyStoragePath.scope.name() == 'Project'
        props.apiKeyStoragePath.renderingOptions.selectionAccessor.toString() == 'STORAGE_PATH'
        props.apiKeyStoragePath.renderingOptions['storage-path-root'] == 'keys'
        props.apiKeyStoragePath.renderingOptions['storage-file-meta-filter'] == 'Rundeck-data-type=password'
        new GenerateStep().dynamicProperties([:]).category == CoAuthor.categories().collect { CategoryInfo c -> c.name() }
    }

    def "the validator's provider table describes the step as the plugin declares it"() {
        given:
        def props = PluginAdapterUtility.buildDescription(new GenerateStep(), DescriptionBuilder.builder())
                .properties.collectEntries { [(it.name): it] }
        def yaml = getClass().classLoader.getResourceAsStream('coauthor/rundeck/providers.yaml').text
        def entry = (new Load(LoadSettings.builder().build()).loadFromString(yaml) as Map).providers
                .find { it.name == GenerateStep.PROVIDER_NAME } as Map

        expect:
        entry.service == 'WorkflowStep'
        entry.nodeStep == false
        entry.keys as Set == props.keySet()
        entry.required as Set == props.findAll { k, v -> v.required && !v.defaultValue }.keySet()
        entry.values.provider as Set == props.provider.selectValues as Set
        entry.defaults == props.findAll { k, v -> v.defaultValue }.collectEntries { k, v -> [(k): v.defaultValue] }
    }
}
