package org.runbook.coauthor.rundeck.generate

import org.runbook.coauthor.api.Providers
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The plugin's provider-to-variable table against generator-core's real key lookup. */
class ProviderKeysSpec extends Specification {
    @TempDir
    Path tmp

    def "provider #provider takes its key from #variable and from nothing else"() {
        given:
        def settings = [provider: provider, 'base-url': 'https://llm.example.invalid/v1', model: 'm', audit: tmp.resolve('a.jsonl').toString()]

        when:
        Providers.coAuthor(settings, [:], null, null, 0)

        then:
        def e = thrown(RuntimeException)
        e.message.contains("needs an API key; set $variable")

        when:
        def coauthor = Providers.coAuthor(settings, [(variable): 'k'], null, null, 0)

        then:
        coauthor.authorName() == provider

        where:
        provider << Providers.names().findAll { ProviderKeys.variable(it) != null }
        variable = ProviderKeys.variable(provider)
    }

    def "every other provider needs no key: #provider"() {
        expect:
        Providers.coAuthor([provider: provider, 'base-url': 'http://llm.example.invalid:11434', audit: tmp.resolve('a.jsonl').toString()], [:], null, null, 0) != null

        where:
        provider << Providers.names().findAll { ProviderKeys.variable(it) == null }
    }

    def "the keyed providers are exactly openai, azure-openai and anthropic"() {
        expect:
        Providers.names().findAll { ProviderKeys.variable(it) != null } as Set == ['openai', 'azure-openai', 'anthropic'] as Set
    }
}
