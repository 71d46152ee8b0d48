package org.runbook.coauthor.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactFactsTest {
    private static final String PIPELINE =
            """
            pipeline {
                agent any
                parameters {
                    string(name: 'DATABASE', defaultValue: '', description: 'db')
                    password(name: 'DB_PASSWORD', defaultValue: '', description: 'legacy')
                }
                triggers { cron('H 2 * * *') }
                environment { AWS = credentials('aws-backup') }
                stages {
                    stage('Dump') {
                        steps {
                            withCredentials([string(credentialsId: 'pg-pass', variable: 'PGPASSWORD')]) {
                                sh 'pg_dump "$DATABASE" > dump.sql'
                            }
                        }
                    }
                }
            }
            """;

    @Test
    void should_read_parameters_credentials_steps_and_triggers_from_a_jenkinsfile() {
        ArtifactFacts facts = ArtifactFacts.ofJenkins(PIPELINE);
        assertEquals(List.of("DATABASE", "DB_PASSWORD"), facts.options());
        assertTrue(
                facts.secureOptions().containsAll(List.of("DB_PASSWORD", "aws-backup", "pg-pass", "PGPASSWORD")),
                facts.secureOptions().toString());
        assertTrue(
                facts.steps().stream().anyMatch(s -> s.contains("pg_dump")),
                facts.steps().toString());
        assertTrue(
                facts.steps().stream().anyMatch(s -> s.startsWith("cron")),
                facts.steps().toString());
        assertTrue(facts.steps().stream().noneMatch(s -> s.startsWith("string")), "parameters are not steps");
    }

    @Test
    void should_give_no_facts_for_a_file_that_does_not_parse() {
        ArtifactFacts facts = ArtifactFacts.ofJenkins("pipeline { stages { stage('x' ");
        assertTrue(facts.options().isEmpty() && facts.steps().isEmpty());
    }
}
