package org.runbook.coauthor.validate.jenkins

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.ExecutionException
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import java.util.concurrent.TimeoutException
import org.runbook.coauthor.validate.Finding
import org.runbook.coauthor.validate.Validator
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Hostile and malformed Jenkinsfiles: each gives findings with positions (JK001 when the file cannot
 * be read) and never an exception, within a few seconds, and nothing in the file is ever run: code
 * that would create a marker file leaves no marker.
 */
class JenkinsBadInputSpec extends Specification {
    @Shared
    def pool = Executors.newCachedThreadPool { r ->
        def t = new Thread(r, 'jenkins-bad-input')
        t.daemon = true
        t
    }

    @TempDir
    Path dir

    def cleanupSpec() {
        pool.shutdownNow()
    }

    List<Finding> validateWithin(int seconds, String text) {
        def future = pool.submit({ new Validator().validate(text, 'Jenkinsfile') } as java.util.concurrent.Callable<List<Finding>>)
        try {
            return future.get(seconds, TimeUnit.SECONDS)
        } catch (TimeoutException e) {
            future.cancel(true)
            throw new AssertionError("validating took longer than $seconds s" as Object)
        } catch (ExecutionException e) {
            throw new AssertionError("validating threw ${e.cause}" as Object, e.cause)
        }
    }

    static String pipeline(String steps) {
        "pipeline {\n    agent any\n    stages {\n        stage('Build') {\n            steps {\n" + steps +
                "\n            }\n        }\n    }\n}\n"
    }

    static String big(int mb) {
        def stage = "        stage('s%d') { steps { sh 'echo %d' } }\n"
        def out = new StringBuilder('pipeline {\n    agent any\n    stages {\n')
        int i = 0
        while (out.length() < mb * 1024 * 1024) {
            out << String.format(stage, i, i)
            i++
        }
        out << '    }\n}\n'
        out.toString()
    }

    static String garbage() {
        def random = new Random(42)
        def bytes = new byte[4096]
        random.nextBytes(bytes)
        new String(bytes, 'ISO-8859-1')
    }

    def "#input: JK001 at line #line, nothing thrown, within #seconds s"() {
        when:
        def findings = validateWithin(seconds, text)

        then:
        findings*.ruleId() == ['JK001']
        findings[0].isError()
        findings[0].line() == line
        findings[0].column() >= 1
        findings[0].message() =~ message

        where:
        input                      | text                                                                   | line | seconds | message
        'unterminated string'      | pipeline("                sh 'echo hello")                            | 6    | 20      | /Groovy syntax error/
        'unterminated GString'     | pipeline('                sh "echo ${params.X')                         | 7    | 20      | /Groovy syntax error/
        'unclosed block'           | 'pipeline {\n    agent any\n'                                          | 1    | 20      | /Groovy syntax error: unexpected input: '\{'/
        '10 MB file'               | big(10)                                                                | 1    | 10      | /12|10\.\d MB of text; a Jenkinsfile is read up to 1 MB/
        '5000 nested closures'     | 'node {\n' + 'foo {\n' * 5000 + '}\n' * 5000 + '}\n'                   | 65   | 20      | /more than 64 levels deep/
        '5000 nested parentheses'  | 'def x = ' + '(' * 5000 + '1' + ')' * 5000 + '\n'                      | 1    | 20      | /more than 64 levels deep/
        '20000-term sum'           | 'def x = ' + (['1'] * 20000).join(' + ') + '\n'                        | 1    | 30      | /cannot read|too deeply nested|syntax/
        'random bytes'             | garbage()                                                              | 1    | 20      | /Groovy syntax error/
    }

    def "an empty file is not a pipeline (JK002)"() {
        expect:
        validateWithin(20, '')*.ruleId() == ['JK002']
        validateWithin(20, '// nothing but a comment\n')*.ruleId() == ['JK002']
    }

    def "#what is reported as JK106 and never run"() {
        given:
        def marker = dir.resolve('marker')
        def code = snippet.replace('MARKER', marker.toString())

        when:
        def findings = validateWithin(seconds, code)

        then:
        findings.any { it.ruleId() == 'JK106' && it.severity() == severity }
        !Files.exists(marker)

        where:
        what                    | seconds | severity                                         | snippet
        '@Grab'                 | 20      | org.runbook.coauthor.validate.Severity.ERROR     | "@Grab('org.example.nowhere:nothing:9.9.9')\nimport org.example.Nothing\n" + pipeline("                echo 'x'")
        'System.exit'           | 20      | org.runbook.coauthor.validate.Severity.ERROR     | pipeline("                script { System.exit(3) }")
        'Runtime.exec'          | 20      | org.runbook.coauthor.validate.Severity.ERROR     | pipeline("                script { Runtime.getRuntime().exec(['touch', 'MARKER'] as String[]) }")
        'String.execute'        | 20      | org.runbook.coauthor.validate.Severity.ERROR     | pipeline("                script { 'touch MARKER'.execute() }")
        'new File'              | 20      | org.runbook.coauthor.validate.Severity.ERROR     | pipeline("                script { new File('MARKER').text = 'ran' }")
        'a static initializer'  | 20      | org.runbook.coauthor.validate.Severity.ERROR     | "class Evil { static { new File('MARKER').text = 'ran' } }\n" + pipeline("                echo 'x'")
        'while (true)'          | 20      | org.runbook.coauthor.validate.Severity.WARNING   | pipeline("                script { while (true) { new File('MARKER').append('x') } }")
    }

    def "an AST transformation in the file is not applied (parsing stops before it)"() {
        given:
        def marker = dir.resolve('ast-marker')
        def code = "@groovy.transform.ASTTest(value = { new File('${marker}').text = 'ran' })\ndef x = 1\n" +
                pipeline("                echo 'x'")

        when:
        validateWithin(20, code)

        then:
        !Files.exists(marker)
    }
}
