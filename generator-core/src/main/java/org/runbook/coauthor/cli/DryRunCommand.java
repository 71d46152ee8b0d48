package org.runbook.coauthor.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbook.coauthor.dryrun.DryRun;
import org.runbook.coauthor.dryrun.DryRunOptions;
import org.runbook.coauthor.dryrun.DryRunResult;
import org.runbook.coauthor.dryrun.Transcript;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRun;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunOptions;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunResult;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.jenkins.JenkinsFiles;
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
            "A Jenkinsfile (named Jenkinsfile, *.Jenkinsfile, *.jenkinsfile or *.groovy) is run in a sandbox against"
                    + " a recording DSL: stage by stage, the steps with their arguments expanded, which when branches"
                    + " run, and the post blocks that fire on success and on failure.",
            "Exits 1 on an error finding (an unresolved reference, a filter that selects no node, an unknown step,"
                    + " a sandbox refusal), 2 on bad usage or an unreadable file."
        })
final class DryRunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(
            paramLabel = "FILE",
            arity = "1",
            description = "A job file (YAML, JSON or XML) or a Jenkinsfile; - reads stdin.")
    Path job;

    @Option(
            names = {"-O", "--option", "-P", "--param"},
            paramLabel = "NAME=VALUE",
            description = "A value for a job option or a pipeline parameter (repeatable); -O and -P are the same.")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(
            names = "--env",
            paramLabel = "NAME=VALUE",
            description = "Jenkinsfile: an environment variable of the build, e.g. BRANCH_NAME=release/1.2 (repeatable;"
                    + " default BRANCH_NAME=main).")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(
            names = "--time-budget",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "Jenkinsfile: how long the script may run before it is stopped (default: ${DEFAULT-VALUE}).")
    double timeBudget;

    @Option(names = "--jenkinsfile", description = "Read FILE as a Jenkinsfile whatever its name (for stdin).")
    boolean jenkinsfile;

    @Option(
            names = "--nodes",
            paramLabel = "FILE",
            description = "A Rundeck resource model (YAML or JSON); default: the Rundeck server node only.")
    Path nodes;

    @Override
    public Integer call() {
        String name = job.toString();
        String text = name.equals("-") ? Requests.text(java.util.List.of("-"), System.in) : JobFiles.read(job);
        if (jenkinsfile || isJenkinsfile(job)) {
            return PipelineOutput.print(spec, common, pipeline(text, name), name, text);
        }
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

    /** The validator's rule for what a Jenkinsfile is, so {@code validate} and {@code dry-run} agree. */
    static boolean isJenkinsfile(Path file) {
        return JenkinsFiles.isJenkinsfile(file.toString());
    }

    private PipelineDryRunResult pipeline(String text, String name) {
        if (!(timeBudget > 0) || timeBudget > 600) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--time-budget must be more than 0 and at most 600 seconds");
        }
        return new PipelineDryRun(PipelineDryRunOptions.builder()
                        .params(values)
                        .env(env)
                        .timeBudget(java.time.Duration.ofMillis((long) (timeBudget * 1000)))
                        .build())
                .run(text, name);
    }
}
