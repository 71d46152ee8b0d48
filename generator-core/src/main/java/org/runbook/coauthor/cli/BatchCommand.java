package org.runbook.coauthor.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.runbook.coauthor.batch.BatchEntry;
import org.runbook.coauthor.batch.BatchOutcome;
import org.runbook.coauthor.batch.BatchRunner;
import org.runbook.coauthor.batch.RequestsFile;
import org.runbook.coauthor.plan.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coauthor batch}: many requests, one job file each, plus results.jsonl. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a job for every request in a YAML file (the format of dev-requests.yaml; 'expect' is ignored).",
            "Writes DIR/<id>.yaml (or DIR/<id>.Jenkinsfile for the jenkins target) for each artifact that validates",
            "and DIR/results.jsonl with one line per request.",
            "An entry's own 'target' wins over --target."
        })
final class BatchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ProviderOptions provider;

    @Option(names = "--in", required = true, paramLabel = "REQUESTS.yaml", description = "The requests file.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "TARGET",
            defaultValue = "rundeck",
            converter = TargetConverter.class,
            description = "Artifact for entries without a 'target': rundeck (default) or jenkins.")
    Target target;

    @Option(
            names = "--parallel",
            paramLabel = "N",
            defaultValue = "2",
            description = "Requests generated at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (parallel < 1 || parallel > 256) {
            throw new org.runbook.coauthor.error.InvalidInputException(
                    "--parallel must be between 1 and 256, was " + parallel, null, List.of());
        }
        List<BatchEntry> entries = RequestsFile.read(in, target);
        var err = spec.commandLine().getErr();
        List<BatchOutcome> outcomes = new BatchRunner(Engine.get(provider))
                .run(entries, out, parallel, new Progress(err, System.console() != null && !common.noColor));
        long ok = outcomes.stream().filter(BatchOutcome::ok).count();
        err.printf(
                "%d of %d requests produced a valid artifact; results in %s%n",
                ok, outcomes.size(), out.resolve("results.jsonl"));
        err.flush();
        return ok == outcomes.size() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
