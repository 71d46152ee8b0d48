package org.runbook.coauthor.validate.jenkins

import spock.lang.Specification

class JenkinsFilesSpec extends Specification {
    def "#file is #what"() {
        expect:
        JenkinsFiles.isJenkinsfile(file) == jenkins

        where:
        file                              | jenkins
        'Jenkinsfile'                     | true
        'ci/Jenkinsfile'                  | true
        'C:\\repo\\Jenkinsfile'           | true
        'Jenkinsfile.release'             | true
        'deploy.Jenkinsfile'              | true
        'deploy.jenkinsfile'              | true
        'vars/deploy.groovy'              | true
        'JENKINSFILE'                     | true
        'jobs.yaml'                       | false
        'Jenkinsfile/notes.txt'           | false
        'my-jenkinsfile-notes.md'         | false
        'Jenkinsfiles.yaml'               | false
        'Jenkinsfile.yaml'                | false
        'Jenkinsfile.JSON'                | false
        ''                                | false
        null                              | false

        what = jenkins ? 'a Jenkinsfile' : 'not a Jenkinsfile'
    }
}
