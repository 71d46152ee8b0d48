package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.runbook.coauthor.dryrun.DryRun;
import org.runbook.coauthor.dryrun.DryRunOptions;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRun;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunOptions;
import org.runbook.coauthor.validate.JobDocuments;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;
import org.runbook.coauthor.validate.read.ParseProblem;

/** The validation and dry-run benchmarks of {@code coauthor bench} (figures reported in the README). */
final class Benchmarks {
    private Benchmarks() {}

    /** Files per second, and validation time over parse time for the same files in the same run. */
    static String validation(List<Path> files, int warmup, int rounds) throws java.io.IOException {
        List<String[]> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(new String[] {f.getFileName().toString(), JobFiles.read(f)});
        }
        Validator validator =
                new Validator(ValidatorOptions.builder().shellcheck(false).build());
        Runnable parse = () -> docs.forEach(d -> {
            try {
                JobDocuments.read(d[1], d[0]);
            } catch (ParseProblem e) {
                // A broken file costs its parse attempt, as in validation.
            }
        });
        Runnable validate = () -> docs.forEach(d -> validator.validate(d[1], d[0]));
        double parseMs = median(parse, warmup, rounds);
        double validateMs = median(validate, warmup, rounds);
        return String.format(
                Locale.ROOT,
                "validation of %d files: median %.1f ms per pass (%.0f files/s), parsing alone %.1f ms; ratio %.2f",
                docs.size(),
                validateMs,
                docs.size() / (validateMs / 1000),
                parseMs,
                validateMs / parseMs);
    }

    /**
     * Jenkinsfiles per second through the whole validator (shellcheck off; bash -n results cached, as
     * in a warm process, and afresh), and validation time over a bare Groovy parse of the same files
     * ({@code CompilationUnit} to {@code CONVERSION}, nothing else).
     */
    static String jenkinsValidation(List<Path> files, int warmup, int rounds) {
        List<String[]> docs = new ArrayList<>();
        for (Path f : files) {
            docs.add(new String[] {f.getFileName().toString(), JobFiles.read(f)});
        }
        Validator validator =
                new Validator(ValidatorOptions.builder().shellcheck(false).build());
        Runnable parse = () -> docs.forEach(d -> bareParse(d[1], d[0]));
        Runnable validate = () -> docs.forEach(d -> validator.validate(d[1], d[0]));
        Runnable fresh = () -> {
            org.runbook.coauthor.validate.support.ExternalTool.clearCache();
            validate.run();
        };
        double parseMs = median(parse, warmup, rounds);
        double validateMs = median(validate, warmup, rounds);
        double freshMs = median(fresh, 1, Math.max(1, rounds / 2));
        return String.format(
                Locale.ROOT,
                "Jenkinsfile validation of %d files: median %.1f ms per pass (%.0f files/s), bare Groovy parse %.1f ms;"
                        + " ratio %.2f; with bash -n run afresh: %.1f ms per pass (%.0f files/s)",
                docs.size(),
                validateMs,
                docs.size() / (validateMs / 1000),
                parseMs,
                validateMs / parseMs,
                freshMs,
                docs.size() / (freshMs / 1000));
    }

    /** The Groovy compiler alone, stopped after CONVERSION: the floor any Jenkinsfile check pays. */
    private static void bareParse(String text, String name) {
        JenkinsfileReader.parses(text, name);
    }

    /** A job of {@code steps} steps (commands and scripts with references) dry-run across {@code nodes} nodes. */
    static String dryRun(int steps, int nodes, int warmup, int rounds) throws java.io.IOException {
        StringBuilder job = new StringBuilder("- name: bench\n  options:\n    - name: service\n      value: nginx\n"
                + "  nodefilters:\n    filter: 'tags: web'\n  sequence:\n    commands:\n");
        for (int i = 0; i < steps; i++) {
            if (i % 2 == 0) {
                job.append("      - exec: systemctl restart \"${option.service}\" on ${node.hostname} step ")
                        .append(i)
                        .append('\n');
            } else {
                job.append("      - script: |\n          echo \"@option.service@ on @node.name@ step ")
                        .append(i)
                        .append("\"\n");
            }
        }
        Path inventory = java.nio.file.Files.createTempFile("coauthor-bench-nodes", ".yaml");
        try {
            StringBuilder yaml = new StringBuilder();
            for (int n = 0; n < nodes; n++) {
                yaml.append(String.format(
                        Locale.ROOT,
                        "node%04d:%n  nodename: node%04d%n  hostname: node%04d.example.com%n" + "  tags: web%n",
                        n,
                        n,
                        n));
            }
            java.nio.file.Files.writeString(inventory, yaml);
            DryRun dryRun = new DryRun(
                    DryRunOptions.builder().nodes(inventory).syntaxCheck(false).build());
            String text = job.toString();
            double ms = median(() -> dryRun.run(text, "bench.yaml"), warmup, rounds);
            return String.format(
                    Locale.ROOT, "dry-run of a %d-step job across %d nodes: median %.0f ms (warm)", steps, nodes, ms);
        } finally {
            java.nio.file.Files.deleteIfExists(inventory);
        }
    }

    /**
     * A declarative pipeline of {@code stages} stages (parameters, environment, when, script blocks,
     * a parallel stage, post) dry-run warm: the text is unchanged between rounds, so the compiled
     * script is cached and a round is the sandboxed run; the first, cold compile is timed apart.
     */
    static String pipelineDryRun(int stages, int warmup, int rounds) {
        StringBuilder text = new StringBuilder("pipeline {\n  agent any\n"
                + "  parameters { string(name: 'ENV', defaultValue: 'staging') }\n"
                + "  environment { TARGET = \"${params.ENV}\"; TOKEN = credentials('deploy-token') }\n  stages {\n");
        for (int i = 0; i < stages; i++) {
            text.append("    stage('s").append(i).append("') {\n");
            if (i % 5 == 4) {
                text.append("      parallel {\n        stage('a")
                        .append(i)
                        .append("') { steps { sh \"test a ${TARGET}\" } }\n        stage('b")
                        .append(i)
                        .append("') { steps { sh \"test b ${TARGET}\" } }\n      }\n    }\n");
                continue;
            }
            text.append("      when { anyOf { branch 'main'; environment name: 'TARGET', value: 'prod' } }\n")
                    .append("      steps {\n        sh \"make step")
                    .append(i)
                    .append(" ENV=${TARGET}\"\n")
                    .append("        script { for (x in ['a', 'b', 'c']) { echo \"part ${x} of ")
                    .append(i)
                    .append("\" } }\n      }\n    }\n");
        }
        text.append(
                "  }\n  post { always { echo 'done' }\n    failure { mail to: 'ops@example.com', subject: 'x' } }\n}\n");
        PipelineDryRun dryRun = new PipelineDryRun(PipelineDryRunOptions.defaults());
        String source = text.toString();
        long start = System.nanoTime();
        dryRun.run(source, "Jenkinsfile");
        double cold = (System.nanoTime() - start) / 1e6;
        double ms = median(() -> dryRun.run(source, "Jenkinsfile"), warmup, rounds);
        int[] edit = {0};
        // A new comment each round defeats the script cache: the warm cost of an edited file.
        double recompiled =
                median(() -> dryRun.run(source + "// edit " + edit[0]++ + "\n", "Jenkinsfile"), warmup, rounds);
        return String.format(
                Locale.ROOT,
                "Jenkinsfile dry-run of a %d-stage pipeline: median %.1f ms (warm, compiled script cached),"
                        + " %.0f ms when the file changed (warm compile); first run in this JVM %.0f ms",
                stages,
                ms,
                recompiled,
                cold);
    }

    private static double median(Runnable work, int warmup, int rounds) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < Math.max(1, rounds); i++) {
            long start = System.nanoTime();
            work.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }
}
