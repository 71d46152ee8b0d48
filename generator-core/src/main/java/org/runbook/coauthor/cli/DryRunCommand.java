package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbook.coauthor.dryrun.DryRun;
import org.runbook.coauthor.dryrun.DryRunOptions;
import org.runbook.coauthor.dryrun.DryRunResult;
import org.runbook.coauthor.dryrun.Transcript;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.report.FindingsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coauthor dry-run}: what a job would run where, without running anything. */
@Command(
        name = "dry-run",
        mixinStandardHelpOptions = true,
        description = {
            "Shows, for each step and node, the exact command or script a Rundeck job would run. Executes nothing.",
            "Nodes are selected and references expanded with Rundeck's own code (rundeck-core).",
            "Exits 1 when a reference cannot be resolved or the node filter selects no node."
        })
final class DryRunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "JOB", arity = "1", description = "A job file (YAML, JSON or XML); - reads stdin.")
    Path job;

    @Option(
            names = {"-O", "--option"},
            paramLabel = "NAME=VALUE",
            description = "A value for a job option (repeatable).")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(
            names = "--nodes",
            paramLabel = "FILE",
            description = "A Rundeck resource model (YAML or JSON); default: the Rundeck server node only.")
    Path nodes;

    @Override
    public Integer call() {
        String name = job.toString();
        String text = name.equals("-") ? Requests.text(java.util.List.of("-"), System.in) : JobFiles.read(job);
        DryRunResult result = new DryRun(DryRunOptions.builder()
                        .optionValues(values)
                        .nodes(nodes)
                        .build())
                .run(text, name);
        var out = spec.commandLine().getOut();
        if (common.format == CommonOptions.Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("jobs", result.jobs());
            json.put("findings", Results.JSON.convertValue(result.findings(), Object.class));
            out.println(Results.json(json, true));
        } else {
            out.print(Transcript.text(result));
            if (!result.findings().isEmpty()) {
                spec.commandLine()
                        .getErr()
                        .print(FindingsFormat.text(result.findings(), f -> f.equals(name) ? text : null));
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return result.findings().stream().anyMatch(Finding::isError) ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
