package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.batch.BatchEntry;
import org.runbook.coauthor.batch.RequestsFile;
import org.runbook.coauthor.eval.Baseline;
import org.runbook.coauthor.eval.Scorer;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coauthor eval}: scores a suite's expectations; exits 1 under the minimum mean score. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Generates every request of a suite and scores it against its 'expect' block.",
            "Prints a per-request table and the mean; exits 1 when the mean is under --min-score."
        })
final class EvalCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ProviderOptions provider;

    @Option(
            names = "--suite",
            required = true,
            paramLabel = "FILE",
            description = "Suite file (dev-requests.yaml format).")
    Path suite;

    @Option(
            names = "--min-score",
            paramLabel = "X",
            defaultValue = "0",
            description = "Minimum mean score in [0, 1] (default: ${DEFAULT-VALUE}).")
    double minScore;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "TARGET",
            converter = TargetConverter.class,
            description = "Score only the entries for this target (rundeck, jenkins).")
    Target target;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description = "Compare with this baseline (exit 1 on a regression), or write it when it does not exist.")
    java.nio.file.Path baseline;

    @Option(
            names = "--tolerance",
            paramLabel = "X",
            defaultValue = "0.05",
            description =
                    "Allowed drop of the validity rate or mean score against the baseline (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--update-baseline", description = "Write the baseline even when one exists.")
    boolean updateBaseline;

    @Override
    public Integer call() throws java.io.IOException {
        List<BatchEntry> entries = RequestsFile.read(suite).stream()
                .filter(e -> target == null || e.target() == target)
                .toList();
        CoAuthor coauthor = Engine.get(provider);
        var out = spec.commandLine().getOut();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Baseline.Sample> samples = new ArrayList<>();
        double sum = 0;
        for (BatchEntry e : entries) {
            GenerationResult result = null;
            String error = null;
            try {
                result = coauthor.generate(GenerationRequest.builder()
                        .text(e.request())
                        .category(e.category())
                        .target(e.target())
                        .build());
            } catch (RuntimeException ex) {
                error = ex.getMessage();
            }
            Scorer.Score score = Scorer.score(e.expect(), result);
            sum += score.value();
            samples.add(new Baseline.Sample(
                    e.category(),
                    result != null && result.ok(),
                    score.value(),
                    result != null && result.message().contains("repair round"),
                    result == null ? 0 : result.millis()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("target", e.target().toString());
            row.put("status", result == null ? "error" : result.status().toString());
            row.put("score", score.value());
            row.put("failed", score.failed());
            if (error != null) {
                row.put("error", error);
            }
            rows.add(row);
        }
        double mean = entries.isEmpty() ? 0 : sum / entries.size();
        if (common.format == CommonOptions.Format.json) {
            out.println(Results.json(Map.of("mean", mean, "minScore", minScore, "entries", rows), true));
        } else {
            out.printf("%-10s %-8s %-8s %5s  %s%n", "id", "target", "status", "score", "failed checks");
            for (Map<String, Object> r : rows) {
                out.printf(
                        Locale.ROOT,
                        "%-10s %-8s %-8s %5.2f  %s%n",
                        r.get("id"),
                        r.get("target"),
                        r.get("status"),
                        (double) r.get("score"),
                        r.containsKey("error") ? r.get("error") : String.join("; ", castList(r.get("failed"))));
            }
            out.printf(
                    Locale.ROOT, "mean score %.3f over %d requests (minimum %.2f)%n", mean, entries.size(), minScore);
        }
        boolean regressed = false;
        if (baseline != null) {
            Baseline now = Baseline.of(samples);
            if (updateBaseline || java.nio.file.Files.notExists(baseline)) {
                now.write(baseline);
                spec.commandLine().getErr().println("wrote baseline " + baseline);
            } else {
                List<String> regressions = now.regressionsAgainst(Baseline.read(baseline), tolerance);
                regressions.forEach(r -> spec.commandLine().getErr().println("regression: " + r));
                regressed = !regressions.isEmpty();
                if (!regressed) {
                    spec.commandLine().getErr().println("no regression against " + baseline);
                }
            }
            spec.commandLine().getErr().flush();
        }
        out.flush();
        return mean >= minScore && !regressed ? ExitCodes.OK : ExitCodes.FAILED;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }
}
