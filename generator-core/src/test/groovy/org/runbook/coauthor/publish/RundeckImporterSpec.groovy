package org.runbook.coauthor.publish

import org.runbook.coauthor.error.InvalidInputException
import spock.lang.Specification

import java.time.Duration

class RundeckImporterSpec extends Specification {
    static final String QUERY = '/jobs/import?fileformat=yaml&dupeOption=create&uuidOption=preserve'

    static ImportRequest request(String project, JobFormat format = JobFormat.YAML) {
        ImportRequest.builder().project(project).document('- name: x\n').format(format).build()
    }

    def "builds #expected from base URL #url and project #project"() {
        given:
        def importer = RundeckImporter.builder().url(url).token('t0k3n').apiVersion(version).build()

        expect:
        importer.importUri(request(project)).toString() == expected

        where:
        url                                | project     | version || expected
        'https://rd.example.com'           | 'ops'       | 48      || 'https://rd.example.com/api/48/project/ops' + QUERY
        'https://rd.example.com///'        | 'ops'       | 48      || 'https://rd.example.com/api/48/project/ops' + QUERY
        'HTTPS://rd.example.com:4443/rd/'  | 'ops'       | 44      || 'https://rd.example.com:4443/rd/api/44/project/ops' + QUERY
        '  http://127.0.0.1:4440/ '        | 'ops+prod'  | 48      || 'http://127.0.0.1:4440/api/48/project/ops%2Bprod' + QUERY
        'https://rd.example.com/a%20b/'    | 'Web_1.0-x' | 14      || 'https://rd.example.com/a%20b/api/14/project/Web_1.0-x' + QUERY
    }

    def "puts the format, duplicate and UUID options in the query"() {
        given:
        def importer = RundeckImporter.builder().url('https://rd.example.com').token('t').build()
        def r = request('ops', JobFormat.XML).toBuilder().dupe(ImportRequest.Dupe.SKIP).uuid(ImportRequest.Uuid.REMOVE).build()

        expect:
        importer.importUri(r).rawQuery == 'fileformat=xml&dupeOption=skip&uuidOption=remove'
    }

    def "percent-encodes #value as one path segment"() {
        expect:
        RundeckImporter.encodeSegment(value) == encoded

        where:
        value   || encoded
        'ops'   || 'ops'
        'a+b'   || 'a%2Bb'
        'a b/c' || 'a%20b%2Fc'
        'ü?#'   || '%C3%BC%3F%23'
    }

    def "refuses base URL #url"() {
        when:
        RundeckImporter.parseBaseUrl(url)

        then:
        def e = thrown(InvalidInputException)
        e.message.contains(message)

        where:
        url                                  || message
        ''                                   || 'the Rundeck URL is empty'
        null                                 || 'the Rundeck URL is empty'
        'rd.example.com'                     || 'must start with https:// or http://'
        'ftp://rd.example.com'               || 'must start with https:// or http://'
        'https:///rundeck'                   || 'has no host name'
        'https://rd.example.com/?x=1'        || 'without ?query or #fragment'
        'https://rd.example.com/#top'        || 'without ?query or #fragment'
        'https://rd example.com'             || 'is not valid'
    }

    def "never repeats a password given in the URL"() {
        when:
        RundeckImporter.parseBaseUrl('https://admin:s3cret@rd.example.com')

        then:
        def e = thrown(InvalidInputException)
        e.message.contains('must not contain a user name or password')
        !e.message.contains('s3cret')
    }

    def "refuses #what when building"() {
        when:
        RundeckImporter.builder().url('https://rd.example.com').token(token).apiVersion(version)
                .requestTimeout(timeout).build()

        then:
        def e = thrown(InvalidInputException)
        e.message.contains(message)

        where:
        what              | token | version | timeout              || message
        'an empty token'  | ' '   | 48      | Duration.ofSeconds(1) || 'the Rundeck API token is empty'
        'no token'        | null  | 48      | Duration.ofSeconds(1) || 'the Rundeck API token is empty'
        'API version 13'  | 't'   | 13      | Duration.ofSeconds(1) || 'API version 13 has no job import endpoint'
        'a zero timeout'  | 't'   | 48      | Duration.ZERO         || 'request timeout must be positive'
    }

    def "refuses JSON below API version 44 before connecting"() {
        given: 'a port where nothing listens: a connection attempt would be a RetriableException'
        def importer = RundeckImporter.builder().url('http://127.0.0.1:1').token('t').apiVersion(43).build()

        when:
        importer.send(request('ops', JobFormat.JSON))

        then:
        def e = thrown(InvalidInputException)
        e.message.contains('the json format needs API version 44 or later, but version 43 is used')
    }

    def "names the server but not the token in toString"() {
        expect:
        RundeckImporter.builder().url('https://rd.example.com/').token('t0k3n-value').build().toString() ==
                'RundeckImporter[https://rd.example.com, API 48]'
    }

    def "takes Rundeck's message from an error body, never HTML"() {
        expect:
        HttpAnswers.reason(body) == reason

        where:
        body                                                              || reason
        '{"error":true,"errorCode":"api.error.x","message":"No file"}'    || 'No file'
        '<html><body>Bad Gateway</body></html>'                           || ''
        ''                                                                || ''
        'Service  Unavailable\n'                                          || 'Service Unavailable'
        'x' * 300                                                         || 'x' * 200 + '…'
    }
}
