package org.runbook.coauthor.rundeck.generate

import org.runbook.coauthor.api.CoAuthor
import org.runbook.coauthor.validate.Validator
import org.snakeyaml.engine.v2.api.Load
import org.snakeyaml.engine.v2.api.LoadSettings
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The shipped "Co-author" job ({@code resources/coauthor-job.yaml}, copied to {@code docs/}): valid
 * for our own validator, and its category values generated from the catalog.
 * {@code -Dcoauthor.updateDocs=true} rewrites the generated block and the docs copy.
 */
class CoauthorJobSpec extends Specification {
    static final Path RESOURCE = Path.of('src/main/resources/resources/coauthor-job.yaml')
    static final Path DOCS_COPY = Path.of('../docs/coauthor-job.yaml')
    static final String BEGIN = '    # BEGIN generated categories\n'
    static final String END = '    # END generated categories\n'

    static String generated(String text) {
        def names = CoAuthor.categories()*.name()
        String block = names.collect { "    - $it\n" }.join('')
        int from = text.indexOf(BEGIN)
        int to = text.indexOf(END)
        assert from >= 0 && to > from: 'the job lost its generated-categories markers'
        text.substring(0, from + BEGIN.length()) + block + text.substring(to)
    }

    def "the category values are the catalog's categories"() {
        given:
        String text = Files.readString(RESOURCE)
        String expected = generated(text)
        if (Boolean.getBoolean('coauthor.updateDocs') && text != expected) {
            Files.writeString(RESOURCE, expected)
            text = expected
        }

        expect:
        text == expected
        job(text).options.find { it.name == 'category' }.values == CoAuthor.categories()*.name()
    }

    def "the docs copy is the shipped job"() {
        given:
        if (Boolean.getBoolean('coauthor.updateDocs')) {
            Files.copy(RESOURCE, DOCS_COPY, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        }

        expect:
        Files.readString(DOCS_COPY) == Files.readString(RESOURCE)
    }

    def "the job passes the co-author's own Rundeck validator with no findings"() {
        expect:
        new Validator().validate(Files.readString(RESOURCE), 'coauthor-job.yaml').collect { it.toString() } == []
    }

    def "the job runs the generate step with the options it asks for"() {
        given:
        def job = job(Files.readString(RESOURCE))
        def step = job.sequence.commands[0]

        expect:
        job.group == 'coauthor'
        job.name == 'Generate job'
        job.options.find { it.name == 'request' }.required == true
        job.options.find { it.name == 'category' }.enforced == true
        job.sequence.commands.size() == 1
        step.type == GenerateStep.PROVIDER_NAME
        step.nodeStep == false
        step.configuration == [category: '${option.category}', request: '${option.request}']
    }

    private static Map job(String text) {
        (new Load(LoadSettings.builder().build()).loadFromString(text) as List)[0] as Map
    }
}
