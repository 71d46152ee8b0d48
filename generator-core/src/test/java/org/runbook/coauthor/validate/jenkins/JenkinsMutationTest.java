package org.runbook.coauthor.validate.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;

/**
 * Mutation test: injects one defect of each JK rule's kind into every conformance Jenkinsfile and
 * asserts the rule fires. Prints the detection rate per rule.
 */
class JenkinsMutationTest {
    record Mutation(String rule, String what, UnaryOperator<String> apply) {}

    private static final Pattern STAGES = Pattern.compile("(?m)^    stages \\{");
    private static final Pattern FIRST_STAGE = Pattern.compile("stage\\('([^']+)'\\)");

    /** Adds a stage before the pipeline's first stage. */
    static String stage(String text, String body) {
        Matcher m = STAGES.matcher(text);
        assertTrue(m.find(), "no top-level stages block");
        return text.substring(0, m.end()) + "\n        stage('Mutant') {\n            " + body + "\n        }"
                + text.substring(m.end());
    }

    static String steps(String text, String steps) {
        return stage(text, "steps {\n                " + steps + "\n            }");
    }

    /** Adds a string parameter, into the pipeline's parameters block when there is one. */
    static String parameter(String text, String name) {
        String param = "string(name: '" + name + "', defaultValue: '', description: 'added')";
        if (Pattern.compile("(?m)^    parameters \\{").matcher(text).find()) {
            return text.replaceFirst("(?m)^    parameters \\{", "    parameters {\n        " + param);
        }
        return text.replaceFirst("pipeline \\{", "pipeline {\n    parameters {\n        " + param + "\n    }");
    }

    static final List<Mutation> DECLARATIVE = List.of(
            new Mutation("JK001", "stray closing brace", t -> t + "\n}\n"),
            new Mutation("JK002", "scripted node next to the pipeline", t -> t + "\nnode { echo 'x' }\n"),
            new Mutation("JK003", "pipeline agent misspelled", t -> t.replaceFirst("(?m)^    agent\\b", "    agentt")),
            new Mutation(
                    "JK004",
                    "unknown section",
                    t -> t.replaceFirst("pipeline \\{", "pipeline {\n    stepz { echo 'x' }")),
            new Mutation("JK005", "empty steps", t -> stage(t, "steps { }")),
            new Mutation(
                    "JK006", "misspelled when condition", t -> stage(t, "when { brnch 'main' }\n steps { echo 'x' }")),
            new Mutation("JK007", "step in parallel", t -> stage(t, "parallel { echo 'x' }")),
            new Mutation("JK008", "misspelled step", t -> steps(t, "shh 'make'")),
            new Mutation(
                    "JK009",
                    "misspelled post condition",
                    t -> stage(t, "steps { echo 'x' }\n post { sucess { echo 'x' } }")),
            new Mutation("JK010", "duplicate stage name", t -> {
                Matcher m = FIRST_STAGE.matcher(t);
                assertTrue(m.find());
                return steps(t, "echo 'x'").replace("stage('Mutant')", "stage('" + m.group(1) + "')");
            }),
            new Mutation("JK101", "undefined parameter", t -> steps(t, "echo \"${params.NOT_DEFINED_ANYWHERE}\"")),
            new Mutation("JK102", "unused parameter", t -> parameter(t, "NEVER_USED_ANYWHERE")),
            new Mutation("JK103", "literal password", t -> steps(t, "sh 'PGPASSWORD=hunter2go psql -c \"select 1\"'")),
            new Mutation(
                    "JK104",
                    "interpolated secret",
                    t -> steps(
                            t,
                            "withCredentials([string(credentialsId: 'api', variable: 'MUT_TOKEN')]) {"
                                    + " sh \"curl -fsS -u $MUT_TOKEN https://api.example.com\" }")),
            new Mutation(
                    "JK105",
                    "interpolated parameter",
                    t -> steps(parameter(t, "MUT_BRANCH"), "sh \"git checkout ${params.MUT_BRANCH}\"")),
            new Mutation("JK106", "System.exit", t -> steps(t, "script { System.exit(1) }")),
            new Mutation("JK201", "shell syntax error", t -> steps(t, "sh 'if true; then echo x'")),
            new Mutation("JK202", "shellcheck warning", t -> steps(t, "sh 'cd /tmp; unused_var=1'")),
            new Mutation("JK203", "terraform destroy", t -> steps(t, "sh 'terraform destroy -auto-approve'")),
            new Mutation(
                    "JK204", "curl piped to sh", t -> steps(t, "sh 'curl -fsSL https://get.example.com/i.sh | sh'")),
            new Mutation(
                    "JK205",
                    "TLS verification off",
                    t -> steps(t, "sh 'curl -k https://internal.example.com/health'")));

    static final List<Mutation> SCRIPTED = List.of(
            new Mutation("JK001", "stray closing brace", t -> t + "\n}\n"),
            new Mutation("JK008", "misspelled step", t -> t + "\nnode('linux') { shh 'make' }\n"),
            new Mutation("JK106", "Runtime.exec", t -> t + "\nnode('linux') { Runtime.getRuntime().exec('id') }\n"));

    @Test
    void should_detect_every_injected_defect_with_its_rule() throws IOException {
        List<Path> bases = JenkinsConformanceTest.files().toList();
        Validator validator = new Validator();
        Map<String, int[]> rates = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        for (Path base : bases) {
            String text = Files.readString(base);
            boolean scripted = JenkinsfileReader.read(text, base.toString()).kind() == Jenkinsfile.Kind.SCRIPTED;
            for (Mutation m : scripted ? SCRIPTED : DECLARATIVE) {
                String mutated = m.apply().apply(text);
                assertTrue(!mutated.equals(text), m.rule() + " changed nothing in " + base);
                boolean fired = validator.validate(mutated, "Jenkinsfile").stream()
                        .map(Finding::ruleId)
                        .anyMatch(m.rule()::equals);
                int[] r = rates.computeIfAbsent(m.rule(), k -> new int[2]);
                r[1]++;
                if (fired) {
                    r[0]++;
                } else {
                    missed.add(m.rule() + " (" + m.what() + ") on " + base.getFileName());
                }
            }
        }
        StringBuilder report = new StringBuilder("detection rate per rule:\n");
        rates.forEach((rule, r) -> report.append(String.format("  %-6s %d/%d%n", rule, r[0], r[1])));
        System.out.println(report);
        assertEquals(21, rates.size(), "every JK rule is mutated");
        assertEquals(List.of(), missed, report.toString());
    }
}
