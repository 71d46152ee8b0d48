package org.runbook.coauthor.rundeck

import com.dtolabs.rundeck.core.execution.ExecutionContext
import com.dtolabs.rundeck.core.execution.workflow.SharedOutputContext
import com.dtolabs.rundeck.core.plugins.BasePluggableProviderService
import com.dtolabs.rundeck.core.plugins.JarPluginProviderLoader
import com.dtolabs.rundeck.core.plugins.ProviderIdent
import com.dtolabs.rundeck.core.plugins.ServiceProviderLoader
import com.dtolabs.rundeck.core.plugins.configuration.PluginAdapterUtility
import com.dtolabs.rundeck.plugins.PluginLogger
import com.dtolabs.rundeck.plugins.project.JobLifecyclePlugin
import com.dtolabs.rundeck.plugins.rundeck.UIPlugin
import com.dtolabs.rundeck.plugins.step.NodeStepPlugin
import com.dtolabs.rundeck.plugins.step.PluginStepContext
import com.dtolabs.rundeck.plugins.step.StepPlugin
import com.dtolabs.rundeck.plugins.util.DescriptionBuilder
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import java.util.jar.JarFile

/**
 * Loads the built plugin jar the way Rundeck does ({@link JarPluginProviderLoader}, local-first
 * class loader over the bundled lib/ jars) and instantiates every provider its manifest lists.
 */
class PluginJarIT extends Specification {
    /** The Rundeck interface each service's providers must implement, as seen from the server's class loader. */
    static final Map<String, Class> SERVICES = [
        WorkflowStep    : StepPlugin,
        WorkflowNodeStep: NodeStepPlugin,
        JobLifecycle    : JobLifecyclePlugin,
        UI              : UIPlugin,
    ]

    @Shared
    File jar = new File(System.getProperty('coauthor.pluginJar', 'target/rundeck-plugin-0.1.0-SNAPSHOT.jar'))
    @Shared
    @TempDir
    Path cache
    @Shared
    JarPluginProviderLoader loader

    def setupSpec() {
        assert jar.isFile(): "run after package: $jar"
        loader = new JarPluginProviderLoader(jar, cache.resolve('jars').toFile(), cache.resolve('libs').toFile())
    }

    def cleanupSpec() {
        loader?.close()
    }

    static BasePluggableProviderService service(String name, Class type) {
        new BasePluggableProviderService(name, type) {
            @Override
            ServiceProviderLoader getPluginManager() { null }
        }
    }

    def "the manifest is a valid Rundeck 1.2 plugin manifest"() {
        given:
        def attributes = new JarFile(jar).withCloseable { it.manifest.mainAttributes }

        expect:
        JarPluginProviderLoader.isValidJarPlugin(jar)
        attributes.getValue('Rundeck-Plugin-Archive') == 'true'
        attributes.getValue('Rundeck-Plugin-Version') == '1.2'
        attributes.getValue('Rundeck-Plugin-Libs-Load-First') == 'true'
        attributes.getValue('Rundeck-Plugin-File-Version') ==~ /\d+\.\d+\.\d+(-SNAPSHOT)?/
        attributes.getValue('Rundeck-Plugin-Name') == 'Runbook Co-author'
        loader.classnames.length >= 2
        loader.classnames.every { it.startsWith('org.runbook.coauthor.rundeck.') }
    }

    def "every bundled library is listed, every listed library is bundled, and no server library is bundled"() {
        given:
        def attributes = new JarFile(jar).withCloseable { it.manifest.mainAttributes }
        def listed = attributes.getValue('Rundeck-Plugin-Libs').split(' ') as List
        def bundled = new JarFile(jar).withCloseable { f -> f.entries().collect { it.name }.findAll { it.startsWith('lib/') && it.endsWith('.jar') } }

        expect:
        listed as Set == bundled as Set
        listed.size() == bundled.size()
        listed.any { it ==~ 'lib/generator-core-.*\\.jar' }
        listed.any { it ==~ 'lib/jsch-2\\..*\\.jar' }
        listed.any { it ==~ 'lib/s3-2\\..*\\.jar' }
        listed.findAll { it ==~ 'lib/(rundeck-.*|javax\\.servlet-api-.*|jakarta\\.servlet-api-.*|jsch-0\\..*)\\.jar' } == []
    }

    def "the resources directory is served and holds the Co-author job"() {
        expect:
        loader.listResources().contains('coauthor-job.yaml')
        loader.openResourceStreamFor('coauthor-job.yaml').withCloseable { it.text }.contains('type: coauthor-generate-step')
    }

    def "provider #ident.providerName (#ident.service) loads from the jar and describes itself"() {
        given:
        def type = SERVICES[ident.service]

        when:
        def instance = loader.load(service(ident.service, type), ident.providerName)
        def description = PluginAdapterUtility.buildDescription(instance, DescriptionBuilder.builder())
        def storagePaths = description.properties.findAll { it.name.endsWith('StoragePath') }

        then:
        type != null
        type.isInstance(instance)
        instance.class.classLoader != getClass().classLoader
        ident.providerName.startsWith('coauthor-')
        description.name == ident.providerName
        description.title.startsWith('Co-author / ')
        !description.description.isBlank()
        description.properties.every { !it.title.isBlank() && !it.description.isBlank() }
        storagePaths.every {
            it.renderingOptions.selectionAccessor.toString() == 'STORAGE_PATH' &&
                    it.renderingOptions['storage-path-root'] == 'keys' &&
                    it.renderingOptions['storage-file-meta-filter']
        }

        where:
        ident << providers()
    }

    def "the generate step runs offline inside the plugin's class loader with only the bundled libraries"() {
        given:
        def step = loader.load(service('WorkflowStep', StepPlugin), 'coauthor-generate-step')
        step.request = 'Restart the nginx service on the nodes I pick'
        def lines = []
        PluginLogger logger = Mock { log(_, _) >> { int level, String text -> lines << text } }
        PluginStepContext context = Mock {
            getLogger() >> logger
            getOutputContext() >> Mock(SharedOutputContext)
            getExecutionContext() >> Mock(ExecutionContext)
            getFrameworkProject() >> 'ops'
            getDataContext() >> [job: [username: 'alice']]
        }

        when:
        step.executeStep(context, [:])

        then:
        lines.any { it.startsWith('Generated job (YAML):\n- ') }
        lines.any { it.contains(' provider=offline status=OK ') }
        lines.count { it.startsWith('COAUTHOR:RESULT:') } == 1
    }

    List<ProviderIdent> providers() {
        def l = new JarPluginProviderLoader(jar, cache.resolve('jars').toFile(), cache.resolve('libs').toFile())
        try {
            return l.listProviders()
        } finally {
            l.close()
        }
    }
}
