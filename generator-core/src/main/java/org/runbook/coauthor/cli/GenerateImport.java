package org.runbook.coauthor.cli;

import java.nio.file.Path;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.publish.JobFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code generate --import}: imports the generated job only when the generation is OK. */
final class GenerateImport {
    private GenerateImport() {}

    /** Checks the options and the token before anything is generated, so bad usage costs nothing. */
    static ImportRun prepare(CommandSpec spec, ImportOptions options, Target target) {
        if (target != Target.RUNDECK) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--import works only with --target rundeck; a " + target + " artifact is not a" + " Rundeck job");
        }
        return new ImportRun(options.importer(spec, System.getenv(), ImportOptions.DEFAULT_TIMEOUT_SECONDS), options);
    }

    /** Sends the generated YAML, or records why it is not sent; a generation that is not OK sends nothing. */
    static ImportRun run(ImportRun run, GenerationResult result, Path outFile) {
        String file = outFile == null ? "generated job" : outFile.toString();
        if (result.ok()) {
            run.submit(file, result.artifact(), JobFormat.YAML, result.findings());
        } else {
            run.refuse(file, result.findings(), "the generation ended " + result.status());
        }
        return run;
    }
}
