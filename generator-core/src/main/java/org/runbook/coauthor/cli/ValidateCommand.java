package org.runbook.coauthor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.ValidatorConfig;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.report.FindingsFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coauthor validate}: lints Rundeck job files and Jenkinsfiles, hand-written or generated. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks Rundeck job definitions (YAML, JSON or XML) and Jenkinsfiles (Jenkinsfile, *.Jenkinsfile,"
                    + " *.groovy) and prints every finding as file:line:col: message [ID].",
            "Exits 1 when any finding is an error. Rules and how to configure them: docs/rules.md."
        })
final class ValidateCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Job files or directories; - reads stdin.")
    List<Path> files;

    @Option(
            names = "--plugins",
            paramLabel = "FILE",
            description = "Installed plugins: the JSON of your Rundeck's GET /api/V/plugin/list.")
    Path plugins;

    @Option(
            names = "--library",
            paramLabel = "DIR",
            description = "Job files that job references are resolved against.")
    Path library;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Rule settings (default: .coauthor.yaml in the current directory, if present).")
    Path config;

    @Option(
            names = "--jenkins-steps",
            paramLabel = "FILE",
            description = "Pipeline steps installed on your Jenkins controller, one name a line (added to the"
                    + " bundled list for Jenkinsfiles).")
    Path jenkinsSteps;

    @Option(names = "--no-shellcheck", description = "Do not run shellcheck even when it is installed.")
    boolean noShellcheck;

    @Override
    public Integer call() {
        ValidatorOptions options = ValidatorOptions.builder()
                .installedPlugins(PluginList.read(plugins))
                .library(library)
                .shellcheck(!noShellcheck)
                .config(config())
                .jenkinsSteps(jenkinsSteps)
                .build();
        Validator validator = new Validator(options);
        Map<String, String> texts = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Path file : JobFiles.expand(files)) {
            String name = file.toString();
            String text = name.equals("-") ? Requests.text(List.of("-"), System.in) : JobFiles.read(file);
            texts.put(name, text);
            findings.addAll(validator.validate(text, name));
        }
        findings.sort(Finding.ORDER);
        var out = spec.commandLine().getOut();
        switch (common.format) {
            case json -> out.print(FindingsFormat.json(findings));
            case sarif -> out.print(FindingsFormat.sarif(findings, new Version().getVersion()[0]));
            default -> {
                out.print(FindingsFormat.text(findings, texts::get));
                long errors = findings.stream().filter(Finding::isError).count();
                spec.commandLine()
                        .getErr()
                        .printf("%d file(s), %d finding(s), %d error(s)%n", texts.size(), findings.size(), errors);
            }
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return findings.stream().anyMatch(Finding::isError) ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private ValidatorConfig config() {
        if (config != null) {
            return ValidatorConfig.load(config);
        }
        Path local = Path.of(".coauthor.yaml");
        return Files.isRegularFile(local) ? ValidatorConfig.load(local) : ValidatorConfig.EMPTY;
    }
}
