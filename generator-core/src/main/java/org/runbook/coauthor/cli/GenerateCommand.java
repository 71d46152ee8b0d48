package org.runbook.coauthor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coauthor generate}: one request in, one validated job out. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generates a job from a plain-language request (offline: no network, no API key).",
            "The job YAML (or, with --target jenkins, the Jenkinsfile) goes to stdout (or --out);",
            "the report, with --report, to stderr."
        },
        footer = {
            "",
            "Examples:",
            "  coauthor generate --category 'Data Transfers' 'copy a file from a node to S3'",
            "  coauthor generate --target jenkins --out Jenkinsfile 'restart nginx on the nodes I pick'"
        })
final class GenerateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ProviderOptions provider;

    @Parameters(
            paramLabel = "TEXT",
            arity = "0..*",
            description = "The request, in plain words; - reads it from stdin. At most "
                    + GenerationRequest.MAX_TEXT_LENGTH + " characters.")
    List<String> words;

    @Option(
            names = {"-c", "--category"},
            paramLabel = "CATEGORY",
            description = "Category, e.g. 'Data Transfers' (see 'coauthor categories'); biases block choice.")
    String category;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "TARGET",
            defaultValue = "rundeck",
            converter = TargetConverter.class,
            description = "Artifact to produce: rundeck (a Rundeck job YAML, the default) or jenkins (a declarative"
                    + " Jenkinsfile).")
    Target target;

    @Option(
            names = {"-o", "--out"},
            paramLabel = "FILE",
            description = "Write the job or Jenkinsfile to FILE (only when it validates).")
    Path outFile;

    @Option(
            names = "--plugins",
            paramLabel = "FILE",
            description =
                    "Installed plugins: the JSON of your Rundeck's GET /api/V/plugin/list. With the co-author"
                            + " plugin installed, S3 copies use its verified SFTP-to-S3 steps instead of the AWS CLI on the node.")
    Path plugins;

    @Option(names = "--report", description = "Also print the plan summary, chosen blocks and findings.")
    boolean report;

    @Option(
            names = "--import",
            description = "Then import the job into Rundeck (--url, --project, token in $RD_TOKEN) if it validates.")
    boolean importJob;

    @Mixin
    ImportOptions importing;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        GenerationRequest request = Requests.request(Requests.text(words, System.in), category, target).toBuilder()
                .installedPlugins(List.copyOf(new TreeSet<>(PluginList.read(plugins))))
                .build();
        ImportRun importRun = importJob ? GenerateImport.prepare(spec, importing, target) : null;
        GenerationResult result = Engine.get(provider).generate(request);
        if (importRun != null) {
            GenerateImport.run(importRun, result, outFile);
        }
        if (common.format == CommonOptions.Format.json) {
            var json = Results.full(result);
            if (importRun != null) {
                json.put("import", ImportReports.json(importRun));
            }
            out.println(Results.json(json, true));
        } else {
            if (result.artifact() != null && (outFile == null || !result.ok())) {
                out.print(result.artifact());
            }
            if (report || !result.ok()) {
                Results.report(result).forEach(err::println);
            }
        }
        if (result.ok() && outFile != null) {
            writeAtomically(outFile, result.artifact());
            if (common.format == CommonOptions.Format.text) {
                err.println("wrote " + outFile);
            }
        }
        if (importRun != null && common.format == CommonOptions.Format.text) {
            ImportReports.text(importRun, err, err);
        }
        out.flush();
        err.flush();
        return result.ok() && (importRun == null || importRun.ok()) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** Writes via a temporary sibling and a move, so a failed run never leaves half a file. */
    static void writeAtomically(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".coauthor-", ".tmp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), null, e);
        }
    }
}
