package org.runbook.coauthor.cli;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.publish.ImportRequest;
import org.runbook.coauthor.publish.JobFormat;
import org.runbook.coauthor.publish.RundeckImporter;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Where and how to import jobs into Rundeck; shared by {@code import} and {@code generate --import}. */
final class ImportOptions {
    static final String DEFAULT_TOKEN_ENV = "RD_TOKEN";
    static final int DEFAULT_TIMEOUT_SECONDS = 60;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Rundeck's base address, e.g. https://rundeck.example.com (with its context path, if any).")
    String url;

    @Option(names = "--project", paramLabel = "PROJECT", description = "The Rundeck project to import into.")
    String project;

    @Option(
            names = "--token-env",
            paramLabel = "VAR",
            defaultValue = DEFAULT_TOKEN_ENV,
            description = "Environment variable holding the Rundeck API token (default: ${DEFAULT-VALUE}).")
    String tokenEnv = DEFAULT_TOKEN_ENV;

    @Option(
            names = "--dupe",
            paramLabel = "create|update|skip",
            defaultValue = "create",
            converter = DupeConverter.class,
            description = "When a job exists: create another (default), update it, or skip it.")
    ImportRequest.Dupe dupe = ImportRequest.Dupe.CREATE;

    @Option(
            names = "--uuid",
            paramLabel = "preserve|remove",
            defaultValue = "preserve",
            converter = UuidConverter.class,
            description = "Keep the jobs' UUIDs (default) or let Rundeck assign new ones.")
    ImportRequest.Uuid uuid = ImportRequest.Uuid.PRESERVE;

    @Option(
            names = "--api-version",
            paramLabel = "N",
            defaultValue = "" + RundeckImporter.DEFAULT_API_VERSION,
            description = "Rundeck API version (default: ${DEFAULT-VALUE}, Rundeck 5.4; json needs 44 or later).")
    int apiVersion = RundeckImporter.DEFAULT_API_VERSION;

    /**
     * The importer these options describe. Usage errors (missing or bad options) come before the token
     * is read, and a missing token before anything is sent.
     */
    RundeckImporter importer(CommandSpec spec, Map<String, String> env, int timeoutSeconds) {
        check(spec, timeoutSeconds);
        return RundeckImporter.builder()
                .url(url)
                .apiVersion(apiVersion)
                .token(token(env))
                .requestTimeout(Duration.ofSeconds(timeoutSeconds))
                .build();
    }

    /** Throws a usage error for a missing or bad option. */
    void check(CommandSpec spec, int timeoutSeconds) {
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--url=URL'");
        }
        if (project == null || project.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--project=PROJECT'");
        }
        if (!ImportRequest.PROJECT_NAME.matcher(project).matches()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--project \"" + project + "\" is not a valid Rundeck project name (letters, digits and - _ + .,"
                            + " not starting with .)");
        }
        if (apiVersion < RundeckImporter.MIN_API_VERSION) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--api-version " + apiVersion + " has no job import endpoint; use "
                            + RundeckImporter.MIN_API_VERSION + " or later (Rundeck 5.4 is "
                            + RundeckImporter.DEFAULT_API_VERSION + ")");
        }
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        try {
            RundeckImporter.parseBaseUrl(url);
        } catch (InvalidInputException e) {
            throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage());
        }
    }

    /** Refuses, as bad usage, a format the chosen API version cannot import. */
    void requireSupported(CommandSpec spec, JobFormat format, String file) {
        if (format.minApiVersion() > apiVersion) {
            throw new ParameterException(
                    spec.commandLine(),
                    file + ": the " + format + " format needs --api-version " + format.minApiVersion()
                            + " or later; this run uses " + apiVersion);
        }
    }

    ImportRequest request(String document, JobFormat format) {
        return ImportRequest.builder()
                .project(project)
                .document(document)
                .format(format)
                .dupe(dupe)
                .uuid(uuid)
                .build();
    }

    private String token(Map<String, String> env) {
        String name = tokenEnv == null ? "" : tokenEnv.strip();
        String value = name.isEmpty() ? null : env.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(
                    "environment variable " + (name.isEmpty() ? "(none)" : name) + " holding the Rundeck API token"
                            + " is not set or empty; export the token in it"
                            + (name.equals(DEFAULT_TOKEN_ENV) ? " or name another variable with --token-env" : ""),
                    null,
                    List.of());
        }
        return value;
    }

    /** Parses {@code --dupe}. */
    static final class DupeConverter implements ITypeConverter<ImportRequest.Dupe> {
        @Override
        public ImportRequest.Dupe convert(String value) {
            try {
                return ImportRequest.Dupe.fromWire(value);
            } catch (InvalidInputException e) {
                throw new TypeConversionException("expected one of " + e.validValues() + " but was '" + value + "'");
            }
        }
    }

    /** Parses {@code --uuid}. */
    static final class UuidConverter implements ITypeConverter<ImportRequest.Uuid> {
        @Override
        public ImportRequest.Uuid convert(String value) {
            try {
                return ImportRequest.Uuid.fromWire(value);
            } catch (InvalidInputException e) {
                throw new TypeConversionException("expected one of " + e.validValues() + " but was '" + value + "'");
            }
        }
    }
}
