package org.runbook.coauthor.validate.read

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import org.junit.jupiter.api.Assumptions
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

class XmlJobReaderSpec extends Specification {
    static final Path CORPUS = Path.of('../../shared/corpus/rundeck-jobs')
    static final ObjectMapper JSON = new ObjectMapper()

    /** A job written for this test that touches every part of the XML format the reader maps. */
    @Shared
    String full = '''\
<?xml version="1.0" encoding="UTF-8"?>
<joblist>
  <job>
    <name>deploy</name>
    <group>ops/web</group>
    <description><![CDATA[Deploy the app
second line]]></description>
    <uuid>a1b2c3</uuid>
    <loglevel>DEBUG</loglevel>
    <executionEnabled>true</executionEnabled>
    <scheduleEnabled>false</scheduleEnabled>
    <multipleExecutions>true</multipleExecutions>
    <timeout>1h</timeout>
    <retry delay="30s">2</retry>
    <logging limit="100" limitAction="truncate" status="failed"/>
    <context>
      <project>demo</project>
      <options preserveOrder="true">
        <option name="version" required="true" value="1.0" values="1.0|2.0" valuesListDelimiter="|"
                enforcedvalues="true" regex="^[0-9.]+$">
          <description>the version</description>
        </option>
        <option name="token" secure="true" valueExposed="false" storagePath="keys/project/demo/token"/>
        <option name="hosts" multivalued="true" delimiter=","/>
      </options>
    </context>
    <dispatch>
      <threadcount>3</threadcount>
      <keepgoing>true</keepgoing>
      <excludePrecedence>false</excludePrecedence>
      <rankOrder>descending</rankOrder>
      <rankAttribute>rank</rankAttribute>
    </dispatch>
    <nodefilters>
      <filter>tags: web</filter>
    </nodefilters>
    <schedule>
      <time hour="02" minute="30" seconds="0"/>
      <month month="*"/>
      <weekday day="MON-FRI"/>
      <year year="*"/>
    </schedule>
    <notification>
      <onsuccess>
        <email recipients="ops@example.com" subject="ok" attachLog="true"/>
        <webhook urls="https://hooks.example.com/a" httpMethod="post" format="json"/>
      </onsuccess>
      <onfailure>
        <plugin type="slack">
          <configuration>
            <entry key="channel" value="#ops"/>
          </configuration>
        </plugin>
      </onfailure>
    </notification>
    <orchestrator>
      <type>subset</type>
      <configuration>
        <count>2</count>
      </configuration>
    </orchestrator>
    <sequence keepgoing="true" strategy="parallel">
      <command>
        <exec>echo ${option.version}</exec>
        <description>announce</description>
        <errorhandler keepgoingOnSuccess="true">
          <exec>echo failed</exec>
        </errorhandler>
      </command>
      <command>
        <script><![CDATA[#!/bin/sh
echo "@option.version@"]]></script>
        <scriptargs>-v ${option.version}</scriptargs>
        <scriptinterpreter argsquoted="true">sudo bash</scriptinterpreter>
        <fileExtension>.sh</fileExtension>
        <plugins>
          <LogFilter type="key-value-data">
            <config>
              <logData>true</logData>
            </config>
          </LogFilter>
        </plugins>
      </command>
      <command>
        <scriptfile>/opt/run.sh</scriptfile>
        <expandTokenInScriptFile>true</expandTokenInScriptFile>
      </command>
      <command>
        <scripturl>https://example.com/run.sh</scripturl>
      </command>
      <command>
        <jobref name="smoke" group="ops" nodeStep="true">
          <arg line="-version ${option.version}"/>
          <nodefilters>
            <filter>name: web1</filter>
          </nodefilters>
          <dispatch>
            <threadcount>2</threadcount>
            <nodeIntersect>true</nodeIntersect>
          </dispatch>
        </jobref>
      </command>
      <command>
        <node-step-plugin type="copyfile">
          <configuration>
            <entry key="sourcePath" value="/tmp/a"/>
            <entry key="destinationPath" value="/tmp/b"/>
          </configuration>
        </node-step-plugin>
      </command>
      <command>
        <step-plugin type="flow-control">
          <configuration>
            <entry key="halt" value="true"/>
          </configuration>
        </step-plugin>
      </command>
    </sequence>
  </job>
</joblist>
'''

    private static JsonNode tree(String xml) {
        XmlJobReader.read(xml, 'job.xml').tree()
    }

    private static JsonNode at(JsonNode tree, String pointer) {
        normal(tree.at(pointer))
    }

    /** Jackson compares 3L and 3 as different nodes: round-trip through JSON text to compare values. */
    private static JsonNode normal(Object value) {
        JSON.readTree(JSON.writeValueAsString(value instanceof JsonNode ? value : JSON.valueToTree(value)))
    }

    def "maps #pointer to the YAML shape"() {
        expect:
        at(tree(full), pointer) == normal(expected)

        where:
        pointer                                         | expected
        '/0/name'                                       | 'deploy'
        '/0/group'                                      | 'ops/web'
        '/0/description'                                | 'Deploy the app\nsecond line'
        '/0/uuid'                                       | 'a1b2c3'
        '/0/loglevel'                                   | 'DEBUG'
        '/0/project'                                    | 'demo'
        '/0/executionEnabled'                           | true
        '/0/scheduleEnabled'                            | false
        '/0/multipleExecutions'                         | true
        '/0/timeout'                                    | '1h'
        '/0/retry'                                      | [retry: '2', delay: '30s']
        '/0/loglimit'                                   | '100'
        '/0/loglimitAction'                             | 'truncate'
        '/0/loglimitStatus'                             | 'failed'
        '/0/options/0'                                  | [name: 'version', required: true, value: '1.0', values: ['1.0', '2.0'],
                                                           valuesListDelimiter: '|', enforced: true, regex: '^[0-9.]+$',
                                                           description: 'the version']
        '/0/options/1'                                  | [name: 'token', secure: true, valueExposed: false,
                                                           storagePath: 'keys/project/demo/token']
        '/0/options/2'                                  | [name: 'hosts', multivalued: true, delimiter: ',']
        '/0/nodefilters'                                | [dispatch: [threadcount: 3, keepgoing: true, excludePrecedence: false,
                                                                      rankOrder: 'descending', rankAttribute: 'rank'],
                                                           filter: 'tags: web']
        '/0/schedule'                                   | [time: [hour: '02', minute: '30', seconds: '0'], month: '*',
                                                           weekday: [day: 'MON-FRI'], year: '*']
        '/0/notification/onsuccess'                     | [email: [recipients: 'ops@example.com', subject: 'ok', attachLog: true],
                                                           urls: 'https://hooks.example.com/a', httpMethod: 'post', format: 'json']
        '/0/notification/onfailure'                     | [plugin: [type: 'slack', configuration: [channel: '#ops']]]
        '/0/orchestrator'                               | [type: 'subset', configuration: [count: '2']]
        '/0/sequence/keepgoing'                         | true
        '/0/sequence/strategy'                          | 'parallel'
        '/0/sequence/commands/0'                        | [exec: 'echo ${option.version}', description: 'announce',
                                                           errorhandler: [keepgoingOnSuccess: true, exec: 'echo failed']]
        '/0/sequence/commands/1'                        | [script: '#!/bin/sh\necho "@option.version@"', args: '-v ${option.version}',
                                                           scriptInterpreter: 'sudo bash', interpreterArgsQuoted: true,
                                                           fileExtension: '.sh',
                                                           plugins: [LogFilter: [[type: 'key-value-data', config: [logData: 'true']]]]]
        '/0/sequence/commands/2'                        | [scriptfile: '/opt/run.sh', expandTokenInScriptFile: true]
        '/0/sequence/commands/3'                        | [scripturl: 'https://example.com/run.sh']
        '/0/sequence/commands/4/jobref'                 | [name: 'smoke', group: 'ops', nodeStep: true, args: '-version ${option.version}',
                                                           nodefilters: [filter: 'name: web1', dispatch: [threadcount: 2, nodeIntersect: true]]]
        '/0/sequence/commands/5'                        | [type: 'copyfile', nodeStep: true,
                                                           configuration: [sourcePath: '/tmp/a', destinationPath: '/tmp/b']]
        '/0/sequence/commands/6'                        | [type: 'flow-control', nodeStep: false, configuration: [halt: 'true']]
    }

    def "gives the same tree as the YAML export of the same job"() {
        given:
        def xml = '''\
<joblist>
  <job>
    <name>hello</name>
    <description>say hello</description>
    <loglevel>INFO</loglevel>
    <context>
      <options preserveOrder="true">
        <option name="who" value="world" required="true"/>
      </options>
    </context>
    <dispatch><threadcount>1</threadcount><keepgoing>false</keepgoing></dispatch>
    <nodefilters><filter>tags: web</filter></nodefilters>
    <sequence keepgoing="false" strategy="node-first">
      <command><exec>echo hello ${option.who}</exec></command>
      <command><jobref name="child" group="g" nodeStep="true"><arg line="-x 1"/></jobref></command>
    </sequence>
  </job>
</joblist>
'''
        def yaml = '''\
- name: hello
  description: say hello
  loglevel: INFO
  options:
    - {name: who, value: world, required: true}
  nodefilters:
    dispatch: {threadcount: 1, keepgoing: false}
    filter: 'tags: web'
  sequence:
    keepgoing: false
    strategy: node-first
    commands:
      - exec: echo hello ${option.who}
      - jobref: {name: child, group: g, nodeStep: true, args: '-x 1'}
'''
        expect:
        tree(xml) == YamlJobReader.read(yaml, 'job.yaml').tree()
    }

    def "records where the #what of #pointer is written"() {
        given:
        def doc = XmlJobReader.read(full, 'job.xml')
        def lines = full.readLines()

        expect:
        def pos = kind == 'key' ? doc.keyPosition(pointer) : doc.valuePosition(pointer)
        [pos.line(), pos.column()] == [line, column]
        lines[line - 1].substring(column - 1).startsWith(startsWith)

        where:
        what    | pointer                                           | kind    | line | column | startsWith
        'key'   | '/0/name'                                         | 'key'   | 4    | 5      | '<name>'
        'value' | '/0/name'                                         | 'value' | 4    | 11     | 'deploy</name>'
        'value' | '/0/description'                                  | 'value' | 6    | 27     | 'Deploy the app'
        'key'   | '/0/options/0/regex'                              | 'key'   | 20   | 39     | 'regex='
        'value' | '/0/options/0/regex'                              | 'value' | 20   | 46     | '^[0-9.]+$'
        'value' | '/0/options/0/values/1'                           | 'value' | 19   | 72     | '2.0"'
        'key'   | '/0/options/0/enforced'                           | 'key'   | 20   | 17     | 'enforcedvalues='
        'key'   | '/0/nodefilters/dispatch'                         | 'key'   | 27   | 5      | '<dispatch>'
        'value' | '/0/nodefilters/dispatch/keepgoing'               | 'value' | 29   | 18     | 'true</keepgoing>'
        'key'   | '/0/sequence/keepgoing'                           | 'key'   | 62   | 15     | 'keepgoing="true"'
        'value' | '/0/sequence/commands/1/script'                   | 'value' | 71   | 26     | '#!/bin/sh'
        'key'   | '/0/sequence/commands/1/args'                     | 'key'   | 73   | 9      | '<scriptargs>'
        'key'   | '/0/sequence/commands/1/interpreterArgsQuoted'    | 'key'   | 74   | 28     | 'argsquoted='
        'value' | '/0/sequence/commands/4/jobref/args'              | 'value' | 93   | 22     | '-version $'
        'value' | '/0/sequence/commands/5/configuration/sourcePath' | 'value' | 106  | 44     | '/tmp/a'
        'key'   | '/0/sequence/commands/5/configuration/sourcePath' | 'key'   | 106  | 20     | 'key="sourcePath"'
        'key'   | '/0/sequence/commands/5/type'                     | 'key'   | 104  | 27     | 'type="copyfile"'
        'key'   | '/0/sequence/commands/5/nodeStep'                 | 'key'   | 104  | 9      | '<node-step-plugin'
        'value' | '/0/sequence/commands/6/nodeStep'                 | 'value' | 112  | 9      | '<step-plugin'
        'key'   | '/0/notification/onsuccess/urls'                  | 'key'   | 46   | 18     | 'urls='
        'value' | '/0/schedule/weekday/day'                         | 'value' | 40   | 21     | 'MON-FRI'
        'value' | '/0/retry/delay'                                  | 'value' | 14   | 19     | '30s'
        'value' | '/0/retry/retry'                                  | 'value' | 14   | 24     | '2</retry>'
        'key'   | '/0/loglimitAction'                               | 'key'   | 15   | 26     | 'limitAction='
    }

    def "keeps #unknown under its own name so the unknown-key rule can report it"() {
        expect:
        at(tree(xml), pointer) == normal(expected)

        where:
        unknown                         | xml                                                                                                         | pointer                            | expected
        'an unknown job element'        | '<joblist><job><name>a</name><tags>x,y</tags></job></joblist>'                                              | '/0/tags'                          | 'x,y'
        'an unknown step element'       | '<joblist><job><sequence><command><exec>ls</exec><timeout>5</timeout></command></sequence></job></joblist>' | '/0/sequence/commands/0/timeout'   | '5'
        'an unknown option attribute'   | '<joblist><job><context><options><option name="o" colour="red"/></options></context></job></joblist>'       | '/0/options/0/colour'              | 'red'
        'an unknown context element'    | '<joblist><job><context><loglevel>INFO</loglevel></context></job></joblist>'                                | '/0/context/loglevel'              | 'INFO'
        'a structured unknown element'  | '<joblist><job><queue size="3"><on>true</on></queue></job></joblist>'                                       | '/0/queue'                         | [size: '3', on: 'true']
        'an unknown sequence attribute' | '<joblist><job><sequence threadcount="1"><command><exec>ls</exec></command></sequence></job></joblist>'     | '/0/sequence/threadcount'          | '1'
        'a non-boolean boolean'         | '<joblist><job><executionEnabled>yes</executionEnabled></job></joblist>'                                    | '/0/executionEnabled'              | 'yes'
        'an element given twice'        | '<joblist><job><name>a</name><name>b</name></job></joblist>'                                                | '/0/name'                          | ['a', 'b']
        'text beside child elements'    | '<joblist><job>stray<name>a</name></job></joblist>'                                                         | '/0/#text'                         | 'stray'
    }

    def "reads the structured and the crontab schedule and the legacy filters"() {
        expect:
        at(tree(xml), pointer) == normal(expected)

        where:
        xml                                                                                                                      | pointer          | expected
        '<joblist><job><schedule crontab="0 0 2 ? * MON-FRI *"/></job></joblist>'                                                | '/0/schedule'    | [crontab: '0 0 2 ? * MON-FRI *']
        '<joblist><job><schedule><time hour="*" minute="0/15" seconds="0"/><dayofmonth/><month day="*" month="*"/></schedule></job></joblist>' | '/0/schedule' | [time: [hour: '*', minute: '0/15', seconds: '0'], dayofmonth: [day: '*'], month: '*']
        '<joblist><job><nodefilters excludeprecedence="true"><include><tags>web</tags></include><exclude><name>db1</name></exclude></nodefilters></job></joblist>' | '/0/nodefilters' | [dispatch: [excludePrecedence: true], include: [tags: 'web'], exclude: [name: 'db1']]
        '<joblist><job><notifyAvgDurationThreshold/><plugins/></job></joblist>'                                                   | '/0'             | [notifyAvgDurationThreshold: null, plugins: [:]]
        '<joblist><job><retry>3</retry></job></joblist>'                                                                          | '/0/retry'       | '3'
        '<joblist></joblist>'                                                                                                     | ''               | []
    }

    @Timeout(10)
    def "refuses #input with a positioned problem, never expanding or fetching anything"() {
        when:
        XmlJobReader.read(text, 'hostile.xml')

        then:
        ParseProblem e = thrown()
        e.message.contains(message)
        e.position().line() == line
        !e.message.contains('root:')

        where:
        input                            | text                                                                | message                     | line
        'billion laughs entities'        | billionLaughs()                                                     | 'DOCTYPE'                   | 2
        'an external entity'             | '<?xml version="1.0"?>\n<!DOCTYPE j [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<joblist><job><name>&x;</name></job></joblist>' | 'DOCTYPE' | 2
        'a parameter entity'             | '<!DOCTYPE j [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n<joblist/>' | 'DOCTYPE'             | 1
        'an external DTD'                | '<?xml version="1.0"?>\n\n<!DOCTYPE joblist SYSTEM "http://127.0.0.1:9/x.dtd">\n<joblist/>' | 'DOCTYPE'    | 3
        'an undeclared entity'           | '<joblist>\n<job><name>&nope;</name></job></joblist>'               | '&nope;'                    | 2
        '1,000-deep nesting'             | '<joblist>' + '<a>' * 1000 + '</a>' * 1000 + '</joblist>'           | 'nested more than'          | 1
        'binary garbage'                 | new String((0..255).collect { (byte) it } as byte[], 'ISO-8859-1')  | 'malformed XML'             | 1
        'empty input'                    | ''                                                                  | 'empty'                     | 1
        'blank input'                    | '  \r\n\t'                                                          | 'empty'                     | 1
        'an unclosed element'            | '<joblist>\n  <job>\n    <name>x</nam>\n  </job>\n</joblist>'       | 'malformed XML'             | 3
        'a second root element'          | '<joblist/>\n<joblist/>'                                            | 'malformed XML'             | 2
        'a repeated attribute'           | '<joblist>\n<job a="1" a="2"/></joblist>'                           | 'already specified'                | 2
        'the wrong root element'         | '<job>\n<name>x</name></job>'                                       | '<joblist>'                 | 1
        'YAML given as XML'              | '- name: x\n  sequence: {}'                                         | 'malformed XML'             | 1
    }

    @Timeout(10)
    def "refuses a document over the size bound without parsing it"() {
        given:
        def big = '<joblist>' + ('x' * (YamlJobReader.MAX_CODE_POINTS + 1)) + '</joblist>'

        when:
        XmlJobReader.read(big, 'big.xml')

        then:
        ParseProblem e = thrown()
        e.message.contains('larger than')
    }

    def "reads a document with #variant"() {
        when:
        def doc = XmlJobReader.read(text, 'job.xml')

        then:
        doc.tree().at('/0/name').asText() == 'x'
        doc.tree().at('/0/sequence/commands/0/exec').asText() == 'ls'
        doc.keyPosition('/0/sequence').line() == sequenceLine

        where:
        variant                  | text                                                                                                     | sequenceLine
        'a byte order mark'      | '\uFEFF<joblist><job><name>x</name>\n<sequence><command><exec>ls</exec></command></sequence></job></joblist>' | 2
        'CRLF line endings'      | '<joblist>\r\n<job>\r\n<name>x</name>\r\n<sequence>\r\n<command><exec>ls</exec></command>\r\n</sequence>\r\n</job>\r\n</joblist>\r\n' | 4
        'old Mac line endings'   | '<joblist>\r<job>\r<name>x</name>\r\r<sequence><command><exec>ls</exec></command></sequence></job></joblist>' | 5
        'an XML declaration'     | '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!-- c -->\n<joblist><job><name>x</name><sequence><command><exec>ls</exec></command></sequence></job></joblist>' | 3
        'predefined entities'    | '<joblist><job><name>x</name>\n\n<sequence><command><exec>l&#115;</exec></command></sequence></job></joblist>' | 3
    }

    def "keeps the text of predefined and character entities"() {
        expect:
        tree('<joblist><job><name>a &amp; b &lt;c&gt; &#10;&#x41;</name></job></joblist>').at('/0/name').asText() == 'a & b <c> \nA'
    }

    static String billionLaughs() {
        def s = new StringBuilder('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n')
        (1..9).each { i ->
            def prev = i == 1 ? 'lol' : "lol${i - 1}"
            s << " <!ENTITY lol$i \"${("&$prev;") * 10}\">\n"
        }
        s << ']>\n<joblist><job><name>&lol9;</name></job></joblist>\n'
        s.toString()
    }

    static List<Path> corpusXml() {
        if (!Files.isDirectory(CORPUS)) {
            return [null]
        }
        Files.list(CORPUS).withCloseable { s ->
            s.filter { it.fileName.toString().endsWith('.xml') }.sorted().toList()
        }
    }

    @Timeout(20)
    def "reads corpus file #name into jobs with names and steps"() {
        given:
        Assumptions.assumeTrue(file != null, 'the shared corpus is not present')

        when:
        def doc = XmlJobReader.read(Files.readString(file), file.fileName.toString())

        then:
        doc.format() == 'xml'
        doc.tree().isArray()
        doc.tree().size() > 0
        doc.tree().every { job ->
            !job.path('name').asText('').isBlank() && job.path('sequence').path('commands').size() > 0
        }
        doc.valuePosition('/0/name').line() > 1 || doc.tree().size() == 0

        where:
        file << corpusXml()
        name = file == null ? '(corpus absent)' : file.fileName.toString()
    }
}
