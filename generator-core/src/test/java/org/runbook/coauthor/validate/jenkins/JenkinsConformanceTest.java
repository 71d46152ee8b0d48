package org.runbook.coauthor.validate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;

/**
 * Real-world conformance: realistic Jenkinsfiles written after Jenkins' documented declarative
 * syntax (samples/jenkins/conformance) give no finding at all, and together they use every section,
 * directive, when condition and post condition the validator knows.
 */
class JenkinsConformanceTest {
    static final Path DIR = Path.of("../samples/jenkins/conformance");

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> JenkinsFiles.isJenkinsfile(p.toString())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void should_find_nothing_in_a_real_world_jenkinsfile(Path file) throws IOException {
        List<String> findings = new Validator()
                .validate(Files.readString(file), file.getFileName().toString()).stream()
                        .map(Finding::toString)
                        .toList();
        assertEquals(List.of(), findings);
    }

    @Test
    void should_cover_every_section_and_condition_across_the_set() throws IOException {
        List<Path> all = files().toList();
        assertTrue(all.size() >= 14, "need at least 12 declarative and 2 scripted files");
        StringBuilder text = new StringBuilder();
        long scripted = 0;
        for (Path p : all) {
            String t = Files.readString(p);
            text.append(t).append('\n');
            scripted += JenkinsfileReader.read(t, p.toString()).kind() == Jenkinsfile.Kind.SCRIPTED ? 1 : 0;
        }
        assertTrue(scripted >= 2, "need 2 scripted pipelines");
        String all_ = text.toString();
        Set<String> words = new java.util.TreeSet<>();
        words.addAll(org.runbook.coauthor.validate.jenkins.rules.Grammar.PIPELINE_SECTIONS);
        words.addAll(org.runbook.coauthor.validate.jenkins.rules.Grammar.STAGE_SECTIONS);
        words.addAll(org.runbook.coauthor.validate.jenkins.rules.Grammar.MATRIX_SECTIONS);
        words.addAll(org.runbook.coauthor.validate.jenkins.rules.Grammar.WHEN_CONDITIONS);
        words.addAll(org.runbook.coauthor.validate.jenkins.rules.Grammar.POST_CONDITIONS);
        words.addAll(Set.of(
                "any",
                "none",
                "label",
                "docker",
                "dockerfile",
                "kubernetes",
                "node",
                "credentials(",
                "string(",
                "text(",
                "booleanParam(",
                "choice(",
                "password(",
                "cron(",
                "pollSCM(",
                "upstream(",
                "@Library",
                "script {",
                "exclude",
                "notValues",
                "withCredentials",
                "input {"));
        List<String> missing = words.stream()
                .filter(w -> !java.util.regex.Pattern.compile("(?<![A-Za-z])" + java.util.regex.Pattern.quote(w))
                        .matcher(all_)
                        .find())
                .toList();
        assertEquals(List.of(), missing, "not used by any conformance file");
    }
}
