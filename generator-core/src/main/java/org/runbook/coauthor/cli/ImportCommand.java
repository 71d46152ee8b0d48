package org.runbook.coauthor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.runbook.coauthor.dryrun.ArtifactCheck;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.publish.JobFormat;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.ValidatorConfig;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.report.FindingsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code coauthor import}: checks job files and imports the ones without error findings into Rundeck. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports job files into a Rundeck project through its API (POST /api/V/project/P/jobs/import).",
            "Each file is first validated and dry-run; a file with an error finding is refused and never sent.",
            "The API token is read from an environment variable (default RD_TOKEN) and never printed."
        },
        footer = {
            "",
            "Example:",
            "  RD_TOKEN=... coauthor import --url https://rundeck.example.com --project ops --dupe update job.yaml",
            "",
            "Exit codes:",
            "  0  every job imported (or skipped as --dupe skip asks)",
            "  1  a file refused (error finding), a job failed, or Rundeck rejected",
            "     the call or could not be reached",
            "  2  bad usage, an unreadable file or a missing token variable"
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ImportOptions target;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Job files or directories; - reads stdin.")
    List<Path> files;

    @Option(
            names = "--file-format",
            paramLabel = "yaml|json|xml",
            converter = FormatConverter.class,
            description = "Format of the job files (default: from each file's extension).")
    JobFormat fileFormat;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + ImportOptions.DEFAULT_TIMEOUT_SECONDS,
            description = "Longest wait for Rundeck's answer to one file (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = ImportOptions.DEFAULT_TIMEOUT_SECONDS;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Rule settings (default: .coauthor.yaml in the current directory, if present).")
    Path config;

    private record Document(String name, String text, JobFormat format) {}

    @Override
    public Integer call() {
        if (common.format == CommonOptions.Format.sarif) {
            throw new ParameterException(
                    spec.commandLine(), "--format sarif is not available for import; use text or json");
        }
        // Everything that is bad usage is found before the first file is sent.
        target.check(spec, timeoutSeconds);
        List<Document> documents = read();
        ImportRun run = new ImportRun(target.importer(spec, System.getenv(), timeoutSeconds), target);
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        run.plainHttpWarning().ifPresent(err::println);
        ArtifactCheck gate = new ArtifactCheck(
                new Validator(ValidatorOptions.builder().config(config()).build()));
        for (Document d : documents) {
            List<Finding> findings = gate.check(d.text(), d.name()).findings();
            if (common.format == CommonOptions.Format.text && !findings.isEmpty()) {
                err.print(FindingsFormat.text(findings, f -> f.equals(d.name()) ? d.text() : null));
            }
            run.submit(d.name(), d.text(), d.format(), findings);
        }
        if (common.format == CommonOptions.Format.json) {
            out.println(Results.json(ImportReports.json(run), true));
            out.flush();
        } else {
            ImportReports.text(run, out, err);
        }
        return run.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private List<Document> read() {
        List<Path> paths = JobFiles.expand(files);
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no job files (.yaml, .yml, .json, .xml) in " + files);
        }
        List<Document> documents = new ArrayList<>();
        for (Path p : paths) {
            String name = p.toString();
            String text = name.equals("-") ? Requests.text(List.of("-"), System.in) : JobFiles.read(p);
            JobFormat format = fileFormat != null ? fileFormat : JobFormat.of(name, text);
            target.requireSupported(spec, format, name);
            documents.add(new Document(name, text, format));
        }
        return documents;
    }

    private ValidatorConfig config() {
        if (config != null) {
            return ValidatorConfig.load(config);
        }
        Path local = Path.of(".coauthor.yaml");
        return Files.isRegularFile(local) ? ValidatorConfig.load(local) : ValidatorConfig.EMPTY;
    }

    /** Parses {@code --file-format}. */
    static final class FormatConverter implements ITypeConverter<JobFormat> {
        @Override
        public JobFormat convert(String value) {
            try {
                return JobFormat.fromWire(value);
            } catch (InvalidInputException e) {
                throw new TypeConversionException("expected one of " + e.validValues() + " but was '" + value + "'");
            }
        }
    }
}
