package org.runbook.coauthor.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.dryrun.jenkins.PipelineDryRunResult;
import org.runbook.coauthor.validate.report.FindingsFormat;
import picocli.CommandLine.Model.CommandSpec;

/** Prints a Jenkinsfile dry-run: the transcript on stdout, findings on stderr (text) or one JSON document. */
final class PipelineOutput {
    private PipelineOutput() {}

    static int print(CommandSpec spec, CommonOptions common, PipelineDryRunResult result, String name, String text) {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (common.format == CommonOptions.Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("transcript", result.transcript());
            json.put("result", result.result() == null ? null : result.result().name());
            json.put("findings", Results.JSON.convertValue(result.findings(), Object.class));
            out.println(Results.json(json, true));
        } else {
            out.print(result.text());
            if (!result.findings().isEmpty()) {
                err.print(FindingsFormat.text(result.findings(), f -> f.equals(name) ? text : null));
            }
        }
        out.flush();
        err.flush();
        return result.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
