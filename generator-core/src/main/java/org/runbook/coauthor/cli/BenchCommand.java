package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.batch.BatchEntry;
import org.runbook.coauthor.batch.RequestsFile;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.validate.jenkins.JenkinsFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coauthor bench}: warm per-request generation time over a suite (used by bench/run.sh). */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Measures warm generation time per request: warm-up rounds, then timed rounds; prints the median.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--suite", paramLabel = "FILE", description = "Requests file: time warm generation.")
    Path suite;

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "Job files: time validation (shellcheck off) against parsing alone.")
    Path corpus;

    @Option(
            names = "--jenkins",
            paramLabel = "DIR",
            description = "Jenkinsfiles: time validation (shellcheck off) against a bare Groovy parse.")
    Path jenkins;

    @Option(
            names = "--dry-run-nodes",
            paramLabel = "N",
            defaultValue = "0",
            description = "Time a dry-run of a --dry-run-steps job across N nodes (0: skip).")
    int dryRunNodes;

    @Option(names = "--dry-run-steps", paramLabel = "N", defaultValue = "50", description = "Steps of that job.")
    int dryRunSteps;

    @Option(
            names = "--pipeline-stages",
            paramLabel = "N",
            defaultValue = "0",
            description = "Time a Jenkinsfile dry-run of an N-stage declarative pipeline (0: skip).")
    int pipelineStages;

    @Option(
            names = "--warmup",
            defaultValue = "3",
            description = "Untimed rounds over the suite (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--rounds",
            defaultValue = "10",
            description = "Timed rounds over the suite (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws java.io.IOException {
        var out = spec.commandLine().getOut();
        if (suite != null) {
            generation(out);
        }
        if (corpus != null) {
            out.println(Benchmarks.validation(JobFiles.expand(List.of(corpus)), warmup, rounds));
        }
        if (jenkins != null) {
            out.println(Benchmarks.jenkinsValidation(
                    JobFiles.expand(List.of(jenkins)).stream()
                            .filter(p -> JenkinsFiles.isJenkinsfile(p.toString()))
                            .toList(),
                    warmup,
                    rounds));
        }
        if (dryRunNodes > 0) {
            out.println(Benchmarks.dryRun(dryRunSteps, dryRunNodes, warmup, rounds));
        }
        if (pipelineStages > 0) {
            out.println(Benchmarks.pipelineDryRun(pipelineStages, warmup, rounds));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void generation(java.io.PrintWriter out) {
        List<GenerationRequest> requests = RequestsFile.read(suite).stream()
                .filter(e -> e.target() == Target.RUNDECK)
                .map(BenchCommand::request)
                .toList();
        CoAuthor coauthor = Engine.get();
        for (int i = 0; i < warmup; i++) {
            requests.forEach(coauthor::generate);
        }
        List<Double> cached = timed(coauthor, requests, false);
        List<Double> uncached = timed(coauthor, requests, true);
        out.printf(
                Locale.ROOT,
                "warm generation over %d requests x %d rounds (validation and dry-run included): median %.1f ms,"
                        + " p90 %.1f ms; with bash -n and shellcheck run afresh for every request: median %.1f ms,"
                        + " p90 %.1f ms%n",
                requests.size(),
                rounds,
                percentile(cached, 50),
                percentile(cached, 90),
                percentile(uncached, 50),
                percentile(uncached, 90));
    }

    /** Per-request times; {@code fresh} clears the external-check cache before each request. */
    private List<Double> timed(CoAuthor coauthor, List<GenerationRequest> requests, boolean fresh) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            for (GenerationRequest r : requests) {
                if (fresh) {
                    org.runbook.coauthor.validate.support.ExternalTool.clearCache();
                }
                long start = System.nanoTime();
                coauthor.generate(r);
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static GenerationRequest request(BatchEntry e) {
        return GenerationRequest.builder()
                .text(e.request())
                .category(e.category())
                .target(e.target())
                .build();
    }

    static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
