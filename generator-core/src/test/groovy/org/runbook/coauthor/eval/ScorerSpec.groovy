package org.runbook.coauthor.eval

import org.runbook.coauthor.api.GenerationResult
import org.runbook.coauthor.api.GenerationStatus
import org.runbook.coauthor.plan.GenerationRequest
import org.runbook.coauthor.validate.Finding
import org.runbook.coauthor.validate.Severity
import spock.lang.Specification

class ScorerSpec extends Specification {
    static final String JOB = '''\
- name: upload
  options:
    - name: hostname
    - name: bucket
    - name: api_token
      secure: true
      storagePath: keys/coauthor/api_token
  nodefilters:
    filter: 'name: ${option.hostname}'
  sequence:
    commands:
      - exec: aws s3 cp "/tmp/f" "s3://${option.bucket}/f"
      - type: copyfile
        nodeStep: true
        configuration: {sourcePath: /etc/motd, destinationPath: /tmp/}
'''

    static GenerationResult result(GenerationStatus status, String artifact, List<Finding> findings = []) {
        new GenerationResult(status, GenerationRequest.builder().text('x').build(), artifact, null, findings, [], null, '', 1)
    }

    def "scores #expect as #value"() {
        expect:
        Scorer.score(expect, result(GenerationStatus.OK, JOB)).value() == value

        where:
        expect                                                  | value
        [options: ['host', 'bucket'], steps: ['s3']]            | 1.0d
        [options: ['host', 'region']]                           | 2 / 3d
        [secure_options: ['token']]                             | 1.0d
        [secure_options: ['bucket']]                            | 0.5d
        [node_filter: '\\$\\{option\\.[a-z_]*host']             | 1.0d
        [steps: ['copyfile', '/etc/motd']]                      | 1.0d
        [not_steps: ['rm -rf']]                                 | 1.0d
        [not_steps: ['aws']]                                    | 0.5d
        [:]                                                     | 1.0d
    }

    def "counts a refusal as right for an unsafe request and wrong for a safe one"() {
        given:
        def refused = result(GenerationStatus.REFUSED, null,
                [new Finding('SEC001', Severity.ERROR, '<request>', 1, 1, '', 'destructive', '')])

        expect:
        Scorer.score([valid: false, findings: ['destructive|SEC']], refused).value() == 1.0d
        Scorer.score([steps: ['s3']], refused).value() == 0.0d
    }

    def "fails every check when there is no result"() {
        expect:
        Scorer.score([options: ['x'], not_steps: ['y']], null).value() == 0.0d
    }
}
