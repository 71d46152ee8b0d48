package org.runbook.coauthor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbook.coauthor.validate.jenkins.rules.JenkinsRules;
import org.runbook.coauthor.validate.rules.Rules;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One driver for every rule's fixtures: {@code rules/<ID>/bad/<case>.<ext>} must produce exactly
 * the finding lines of {@code <case>.out} for that rule (a line wrapped in slashes is a regex), and
 * {@code rules/<ID>/ok/*} none. {@code rules/<ID>/options.yaml} may set {@code plugins} (provider
 * names), {@code library} (a directory of job files, relative to the rule's folder) and
 * {@code jenkins-steps} (a file of installed Jenkins steps). Rundeck jobs and Jenkinsfiles share the
 * driver; the validator picks the reader from the file name.
 */
class RuleFixturesTest {
    static final Path RULES = Path.of("src/test/resources/rules");
    static final Path OK = Path.of("src/test/resources/ok");

    static Stream<Path> badFiles() throws IOException {
        return fixtures("bad");
    }

    static Stream<Path> okFiles() throws IOException {
        return fixtures("ok");
    }

    static Stream<Path> allOkFiles() throws IOException {
        List<Path> out = new ArrayList<>(okFiles().toList());
        if (Files.isDirectory(OK)) {
            try (Stream<Path> s = Files.walk(OK)) {
                s.filter(Files::isRegularFile).forEach(out::add);
            }
        }
        return out.stream();
    }

    private static Stream<Path> fixtures(String kind) throws IOException {
        try (Stream<Path> s = Files.walk(RULES)) {
            return s
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getParent().getFileName().toString().equals(kind))
                    .filter(p -> !p.toString().endsWith(".out"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void should_report_exactly_the_expected_findings_of_its_rule(Path file) throws IOException {
        String rule = ruleOf(file);
        List<String> actual = findings(file).stream()
                .filter(f -> f.ruleId().equals(rule))
                .map(Finding::toString)
                .toList();
        Path out = Path.of(file.toString().replaceAll("\\.[A-Za-z]+$", ".out"));
        assertTrue(Files.exists(out), "missing " + out);
        List<String> expected =
                Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList();
        assertEquals(
                expected.size(),
                actual.size(),
                "findings of " + rule + " in " + file + ":\n" + String.join("\n", actual));
        for (int i = 0; i < expected.size(); i++) {
            String e = expected.get(i);
            String a = actual.get(i);
            if (e.length() > 1 && e.startsWith("/") && e.endsWith("/")) {
                assertTrue(a.matches(e.substring(1, e.length() - 1)), a + " !~ " + e);
            } else {
                assertEquals(e, a);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOkFiles")
    void should_find_nothing_in_a_good_job(Path file) throws IOException {
        assertEquals(List.of(), findings(file).stream().map(Finding::toString).toList());
    }

    @Test
    void should_have_fixtures_and_docs_for_every_registered_rule() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.list(Path.of("../docs/rules"))) {
            for (Path p : s.toList()) {
                all.append(Files.readString(p));
            }
        }
        String docs = all.toString();
        Set<String> ids = new HashSet<>();
        List<RuleDescription> registered = new ArrayList<>(Rules.defaults());
        registered.addAll(JenkinsRules.defaults());
        for (RuleDescription rule : registered) {
            assertTrue(ids.add(rule.id()), "duplicate rule id " + rule.id());
            Path dir = RULES.resolve(rule.id());
            assertTrue(hasFiles(dir.resolve("ok")), rule.id() + " has no ok/ fixture");
            assertTrue(hasFiles(dir.resolve("bad")), rule.id() + " has no bad/ fixture");
            assertTrue(docs.contains("{#" + rule.docsAnchor() + "}"), rule.id() + " has no section in docs/rules.md");
        }
    }

    @Test
    void should_register_rules_in_id_order() {
        for (List<? extends RuleDescription> rules : List.of(Rules.defaults(), JenkinsRules.defaults())) {
            List<String> ids = rules.stream().map(RuleDescription::id).toList();
            List<String> sorted = new ArrayList<>(ids);
            sorted.sort(String::compareTo);
            assertEquals(sorted, ids);
        }
    }

    static List<Finding> findings(Path file) throws IOException {
        String rel = RULES.relativize(file).toString();
        String name = file.startsWith(RULES)
                ? rel.substring(rel.indexOf('/') + 1)
                : OK.relativize(file).toString();
        return new Validator(options(file)).validate(Files.readString(file), name);
    }

    @SuppressWarnings("unchecked")
    private static ValidatorOptions options(Path file) throws IOException {
        if (!file.startsWith(RULES)) {
            return ValidatorOptions.defaults();
        }
        Path dir = RULES.resolve(ruleOf(file));
        Path yaml = dir.resolve("options.yaml");
        if (!Files.exists(yaml)) {
            return ValidatorOptions.defaults();
        }
        Map<String, Object> map =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(yaml));
        ValidatorOptions.Builder b = ValidatorOptions.builder();
        if (map.get("plugins") instanceof List<?> plugins) {
            b.installedPlugins(
                    new HashSet<>(plugins.stream().map(String::valueOf).toList()));
        }
        if (map.get("jenkins-steps") != null) {
            b.jenkinsSteps(dir.resolve(String.valueOf(map.get("jenkins-steps"))));
        }
        if (map.get("library") != null) {
            b.library(dir.resolve(String.valueOf(map.get("library"))));
        }
        return b.build();
    }

    private static String ruleOf(Path file) {
        return RULES.relativize(file).getName(0).toString();
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> !p.toString().endsWith(".out"));
        }
    }
}
