package org.runbook.coauthor.author.offline

import spock.lang.Specification

class RequestParserSpec extends Specification {
    def "finds the option phrases in #text"() {
        expect:
        RequestParser.parse(text).optionPhrases() == phrases

        where:
        text                                                                                  | phrases
        'Copy a file. I should be able to specify the hostname, the file name and the bucket.' | ['hostname', 'file name', 'bucket']
        'Copy the backup with rsync. Let me choose the source path and the destination host.'  | ['source path', 'destination host']
        'Download an object from S3; options for bucket, key and destination directory.'      | ['bucket', 'key', 'destination directory']
        'Take a backup of a database I choose'                                               | ['database']
        'Scale a deployment to a given number of replicas'                                   | ['number of replicas']
        'Rotate logs in a directory of my choosing'                                          | ['directory']
        'Restart nginx'                                                                      | []
        ''                                                                                   | []
    }

    def "splits #text into #clauses clauses in the order asked"() {
        expect:
        RequestParser.parse(text).actions().size() == clauses

        where:
        text                                                                                                   | clauses
        'Dump the database, then upload it to S3 and restart the service'                                     | 3
        'Collect disk usage, memory usage and the top CPU processes from a host'                              | 1
        'Gather diagnostics (logs, the process list and open connections) and upload them to S3'              | 2
        'Deploy a version: download the tarball, extract it, switch the current symlink and restart the app' | 5
        'Restart nginx. I should be able to specify the node.'                                                | 1
    }

    def "keeps schedule-only clauses out of retrieval: #text"() {
        expect:
        RequestParser.parse(text).actions() == actions

        where:
        text                                                                   | actions
        'Every night, back up a Postgres database and upload the dump to S3'  | ['back up a Postgres database', 'upload the dump to S3']
        'Daily at 3am, then rotate the nginx logs'                             | ['rotate the nginx logs']
        'Rotate the daily logs'                                                | ['Rotate the daily logs']
        'Run the nightly backup archive cleanup'                               | ['Run the nightly backup archive cleanup']
        'Every night'                                                          | []
    }

    def "keeps the words of the request in each clause"() {
        expect:
        RequestParser.parse('Dump the database, then upload it to S3').actions() ==
                ['Dump the database', 'upload it to S3']
    }
}
