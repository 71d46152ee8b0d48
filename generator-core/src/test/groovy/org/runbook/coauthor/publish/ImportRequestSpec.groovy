package org.runbook.coauthor.publish

import org.runbook.coauthor.error.InvalidInputException
import spock.lang.Specification

class ImportRequestSpec extends Specification {
    def "refuses project name #project"() {
        when:
        ImportRequest.builder().project(project).document('- name: x\n').build()

        then:
        def e = thrown(InvalidInputException)
        e.message.contains('is not a valid Rundeck project name')

        where:
        project << [null, '', 'my project', '..', '.hidden', 'a/b', 'ops\n']
    }

    def "accepts project name #project"() {
        expect:
        ImportRequest.builder().project(project).document('- name: x\n').build().project() == project

        where:
        project << ['ops', 'ops+prod', 'Web_1.0-x', '-dash']
    }

    def "refuses an empty document"() {
        when:
        ImportRequest.builder().project('ops').document(' \n').build()

        then:
        def e = thrown(InvalidInputException)
        e.message == 'the job document is empty; there is nothing to import'
    }

    def "defaults to yaml, create and preserve"() {
        when:
        def r = ImportRequest.builder().project('ops').document('- name: x\n').build()

        then:
        r.format() == JobFormat.YAML
        r.dupe() == ImportRequest.Dupe.CREATE
        r.uuid() == ImportRequest.Uuid.PRESERVE
    }

    def "parses dupe option #value"() {
        expect:
        ImportRequest.Dupe.fromWire(value) == expected

        where:
        value     || expected
        'create'  || ImportRequest.Dupe.CREATE
        'UPDATE'  || ImportRequest.Dupe.UPDATE
        ' skip '  || ImportRequest.Dupe.SKIP
    }

    def "lists the valid values for an unknown dupe option"() {
        when:
        ImportRequest.Dupe.fromWire('merge')

        then:
        def e = thrown(InvalidInputException)
        e.validValues() == ['create', 'update', 'skip']
    }

    def "takes the format of #file from its name or its first character"() {
        expect:
        JobFormat.of(file, text) == format

        where:
        file         | text              || format
        'job.yaml'   | '- name: x'       || JobFormat.YAML
        'JOB.YML'    | '- name: x'       || JobFormat.YAML
        'job.json'   | '[{"name":"x"}]'  || JobFormat.JSON
        'job.xml'    | '<joblist/>'      || JobFormat.XML
        '-'          | '  <joblist/>'    || JobFormat.XML
        '-'          | '- name: x'       || JobFormat.YAML
    }

    def "gives each format its content type and first API version"() {
        expect:
        format.contentType() == type
        format.minApiVersion() == version

        where:
        format         || type               | version
        JobFormat.YAML || 'application/yaml' | 14
        JobFormat.JSON || 'application/json' | 44
        JobFormat.XML  || 'application/xml'  | 14
    }
}
