package org.runbook.coauthor.validate

import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import org.runbook.coauthor.validate.read.YamlJobReader
import spock.lang.Shared
import spock.lang.Specification

/**
 * Hostile and malformed input for all three formats: each must give findings with positions (RD000
 * when the text cannot be read) or a clean result, never an exception, and must finish within a
 * few seconds in this same JVM, so neither a hang nor an expansion that eats the heap can pass.
 */
class BadInputSpec extends Specification {
    /** The validator runs on a daemon thread, so a hang fails the test instead of blocking the build. */
    @Shared
    def pool = Executors.newCachedThreadPool { r ->
        def t = new Thread(r, 'bad-input')
        t.daemon = true
        t
    }

    def cleanupSpec() {
        pool.shutdownNow()
    }

    /** Validates on the pool; fails when it throws or takes longer than {@code seconds}. */
    List<Finding> validateWithin(int seconds, String text, String file) {
        def future = pool.submit({ new Validator().validate(text, file) } as java.util.concurrent.Callable<List<Finding>>)
        try {
            return future.get(seconds, TimeUnit.SECONDS)
        } catch (TimeoutException e) {
            future.cancel(true)
            throw new AssertionError("validating $file took longer than $seconds s" as Object)
        } catch (ExecutionException e) {
            throw new AssertionError("validating $file threw ${e.cause}" as Object, e.cause)
        }
    }

    // ---- documents ---------------------------------------------------------------------------

    static final String YAML_JOB = '- name: hello\n  sequence:\n    commands:\n      - exec: echo hello\n'
    static final String JSON_JOB = '[{"name": "hello", "sequence": {"commands": [{"exec": "echo hello"}]}}]\n'
    static final String XML_JOB = '<joblist>\n  <job>\n    <name>hello</name>\n    <sequence>\n      <command>\n' +
            '        <exec>echo hello</exec>\n      </command>\n    </sequence>\n  </job>\n</joblist>\n'

    static String yamlAliasBomb() {
        def s = new StringBuilder('- name: bomb\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n')
        (1..9).each { i -> s << "  a$i: &a$i [${(["*a${i - 1}"] * 9).join(', ')}]\n" }
        s << '  sequence:\n    commands:\n      - exec: echo *a9\n'
        s.toString()
    }

    static String xmlEntityBomb() {
        def s = new StringBuilder('<?xml version="1.0"?>\n<!DOCTYPE joblist [\n <!ENTITY l0 "lol">\n')
        (1..9).each { i -> s << " <!ENTITY l$i \"${"&l${i - 1};" * 10}\">\n" }
        s << ']>\n<joblist><job><name>&l9;</name></job></joblist>\n'
        s.toString()
    }

    static final String XML_EXTERNAL_ENTITY = '<?xml version="1.0"?>\n' +
            '<!DOCTYPE joblist [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' +
            '<joblist><job><name>&x;</name><sequence><command><exec>echo</exec></command></sequence></job></joblist>\n'

    static final String JSON_NESTING_BOMB = '[' * 200_000 + ']' * 200_000

    /** About {@code mb} megabytes: one job whose description holds the bulk. */
    static String big(String format, int mb) {
        def line = 'The quick brown fox jumps over the lazy dog, again and again and again.\n'
        def body = line * (mb * 1024 * 1024 / line.length() as int)
        switch (format) {
            case 'yaml': return '- name: big\n  description: |\n' + body.readLines().collect { '    ' + it }.join('\n') +
                    '\n  sequence:\n    commands:\n      - exec: echo big\n'
            case 'json': return '[{"name": "big", "description": "' + body.replace('\n', '\\n') +
                    '", "sequence": {"commands": [{"exec": "echo big"}]}}]'
            default: return '<joblist><job><name>big</name><description><![CDATA[' + body +
                    ']]></description><sequence><command><exec>echo big</exec></command></sequence></job></joblist>'
        }
    }

    /** {@code n} small jobs, each with its own command (so no check result is reused). */
    static String manyJobs(String format, int n) {
        switch (format) {
            case 'yaml': return (0..<n).collect { "- name: job$it\n  sequence:\n    commands:\n      - exec: echo $it and more text\n" }.join()
            case 'json': return '[' + (0..<n).collect { "{\"name\": \"job$it\", \"sequence\": {\"commands\": [{\"exec\": \"echo $it and text\"}]}}" }.join(',\n') + ']'
            default: return '<joblist>\n' + (0..<n).collect { "<job><name>job$it</name><sequence><command><exec>echo $it</exec></command></sequence></job>\n" }.join() + '</joblist>\n'
        }
    }

    static String nested(String format, int depth) {
        switch (format) {
            case 'yaml': return '- name: deep\n  sequence: ' + '[' * depth + ']' * depth + '\n'
            case 'json': return '[{"name": "deep", "sequence": ' + '[' * depth + ']' * depth + '}]'
            default: return '<joblist><job><name>deep</name>' + '<sequence>' * depth + '</sequence>' * depth + '</job></joblist>'
        }
    }

    static String garbage() {
        def random = new Random(42)
        def bytes = new byte[4096]
        random.nextBytes(bytes)
        new String(bytes, 'ISO-8859-1')
    }

    // ---- features ------------------------------------------------------------------------------

    def "#format #input: RD000 at line #line, nothing thrown, within #seconds s"() {
        when:
        def findings = validateWithin(seconds, text, "bad.$format")

        then:
        findings.size() == 1
        findings[0].ruleId() == 'RD000'
        findings[0].isError()
        findings[0].line() == line
        findings[0].column() >= 1
        findings[0].file() == "bad.$format"

        where:
        format | input                              | text                                                              | line | seconds
        'yaml' | 'an alias bomb'                    | yamlAliasBomb()                                                   | 1    | 5
        'yaml' | '1,000-deep nesting'               | nested('yaml', 1000)                                              | 2    | 5
        'yaml' | '200,000-deep nesting'             | nested('yaml', 200_000)                                           | 2    | 10
        'yaml' | 'binary garbage'                   | garbage()                                                         | 1    | 5
        'yaml' | 'tab indentation'                  | '- name: a\n\tsequence:\n\t\tcommands: []\n'                      | 2    | 5
        'yaml' | 'a document over the size bound'   | big('yaml', 13)                                                   | 1    | 15
        'json' | '1,000-deep nesting'               | nested('json', 1000)                                              | 1    | 5
        'json' | '200,000-deep nesting'             | JSON_NESTING_BOMB                                                 | 1    | 10
        'json' | 'binary garbage'                   | garbage()                                                         | 1    | 5
        'json' | 'a duplicate key'                  | '[{"name": "a",\n  "name": "b"}]'                                 | 2    | 5
        'json' | 'a raw tab inside a string'        | '[{"name": "a\tb"}]'                                              | 1    | 5
        'json' | 'a truncated document'             | JSON_JOB.substring(0, 40)                                         | 1    | 5
        'json' | 'a document over the size bound'   | '["' + 'x' * (YamlJobReader.MAX_CODE_POINTS + 10) + '"]'          | 1    | 10
        'xml'  | 'an entity bomb'                   | xmlEntityBomb()                                                   | 2    | 5
        'xml'  | 'an external entity'               | XML_EXTERNAL_ENTITY                                               | 2    | 5
        'xml'  | 'an undeclared entity'             | '<joblist>\n<job><name>&lol;</name></job></joblist>'              | 2    | 5
        'xml'  | '1,000-deep nesting'               | nested('xml', 1000)                                               | 1    | 5
        'xml'  | '200,000-deep nesting'             | nested('xml', 200_000)                                            | 1    | 10
        'xml'  | 'binary garbage'                   | garbage()                                                         | 1    | 5
        'xml'  | 'a duplicate attribute'            | '<joblist>\n<job>\n<sequence keepgoing="true" keepgoing="false"/></job></joblist>' | 3 | 5
        'xml'  | 'an unclosed element'              | XML_JOB.replace('</name>', '')                                    | 9    | 5
        'xml'  | 'a document over the size bound'   | '<joblist>' + 'x' * (YamlJobReader.MAX_CODE_POINTS + 10) + '</joblist>' | 1 | 10
    }

    /**
     * {@code expect}: {@code 'clean'} for no error finding, a line number for an error finding on that
     * line (whichever rule reports it), {@code 'any'} when any findings will do.
     */
    def "#format #input: findings with positions or none, nothing thrown, within #seconds s"() {
        when:
        def findings = validateWithin(seconds, text, "odd.$format")
        def errors = findings.findAll { it.isError() }

        then:
        findings.every { it.line() >= 1 && it.column() >= 1 && it.file() == "odd.$format" && !it.message().isBlank() }
        expect == 'any' || (expect == 'clean' ? errors.isEmpty() : errors.any { it.line() == expect })

        where:
        format | input                                 | text                                            | expect  | seconds
        'yaml' | 'a byte order mark'                   | '\uFEFF' + YAML_JOB                             | 'clean' | 5
        'yaml' | 'CRLF line endings'                   | YAML_JOB.replace('\n', '\r\n')                  | 'clean' | 5
        'yaml' | 'tabs inside values'                  | '- name: "a\tb"\n  sequence:\n    commands:\n      - exec: "echo\ta"\n' | 'clean' | 5
        'yaml' | 'an empty file'                       | ''                                              | 'any'   | 5
        'yaml' | 'a 10 MB description'                 | big('yaml', 10)                                 | 'clean' | 15
        'yaml' | 'a misspelled key after CRLF lines'   | '- name: a\r\n  sequence:\r\n    commands:\r\n      - exec: ls\r\n  nodefilters:\r\n    filtr: web\r\n' | 6 | 5
        'json' | 'a byte order mark'                   | '\uFEFF' + JSON_JOB                             | 'clean' | 5
        'json' | 'CRLF line endings'                   | JSON_JOB.replace(', ', ',\r\n')                 | 'clean' | 5
        'json' | 'tabs between tokens'                 | JSON_JOB.replace(', ', ',\t').replace('": ', '":\t') | 'clean' | 5
        'json' | 'an empty file'                       | ''                                              | 'any'   | 5
        'json' | 'a 10 MB description'                 | big('json', 10)                                 | 'clean' | 15
        'json' | 'a misspelled key after CRLF lines'   | '[{"name": "a",\r\n "sequence": {"commands": [{"exec": "ls"}]},\r\n "nodefilters": {"filtr": "web"}}]' | 3 | 5
        'xml'  | 'a byte order mark'                   | '\uFEFF' + XML_JOB                              | 'clean' | 5
        'xml'  | 'CRLF line endings'                   | XML_JOB.replace('\n', '\r\n')                   | 'clean' | 5
        'xml'  | 'tab indentation'                     | XML_JOB.replace('  ', '\t')                     | 'clean' | 5
        'xml'  | 'predefined entities'                 | XML_JOB.replace('echo hello', 'echo a &amp;&amp; echo &#98;') | 'clean' | 5
        'xml'  | 'an empty file'                       | ''                                              | 'any'   | 5
        'xml'  | 'a 10 MB description'                 | big('xml', 10)                                  | 'clean' | 15
        'xml'  | 'a duplicate element'                 | XML_JOB.replace('<name>hello</name>', '<name>hello</name>\n    <name>again</name>') | 3 | 5
        'xml'  | 'a misspelled element after CRLF'     | XML_JOB.replace('\n', '\r\n').replace('<sequence>', '<nodefilters>\r\n      <filtr>tags: web</filtr>\r\n    </nodefilters>\r\n    <sequence>') | 5 | 5
    }

    def "reads nothing from outside the document"() {
        when:
        def findings = validateWithin(5, XML_EXTERNAL_ENTITY, 'xxe.xml')

        then:
        findings*.ruleId() == ['RD000']
        !findings[0].message().contains('root:')
        findings[0].message().contains('DOCTYPE')
    }

    def "yaml a duplicate key: an error finding at the repeated key"() {
        when:
        def findings = validateWithin(5, '- name: a\n  name: b\n  sequence:\n    commands:\n      - exec: ls\n', 'dup.yaml')

        then:
        findings.any { it.isError() && it.line() == 2 }
    }

    def "yaml a 6 MB single-word value: read within 4 s"() {
        expect:
        validateWithin(4, '- name: ' + 'x' * (6 * 1024 * 1024) + '\n', 'long.yaml') != null
    }

    def "#format 1,000 small jobs: validated within 3 s"() {
        expect:
        validateWithin(3, manyJobs(format, 1000), "many.$format") != null

        where:
        format << ['yaml', 'json', 'xml']
    }
}
