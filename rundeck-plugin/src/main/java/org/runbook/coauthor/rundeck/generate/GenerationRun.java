package org.runbook.coauthor.rundeck.generate;

import com.dtolabs.rundeck.core.dispatcher.ContextView;
import com.dtolabs.rundeck.core.execution.workflow.steps.StepException;
import com.dtolabs.rundeck.plugins.PluginLogger;
import com.dtolabs.rundeck.plugins.step.PluginStepContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.api.GenerationStatus;
import org.runbook.coauthor.api.Providers;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;

/**
 * One generation inside a job: calls generator-core, then writes the human log (YAML, findings,
 * dry-run transcript), the audit line, the output context and the machine-readable
 * {@link ResultLine}, and fails the step unless the result is {@code OK}.
 */
final class GenerationRun {
    /** Status for a provider that failed before producing a result (generator-core has no such status). */
    static final String ERROR_STATUS = "ERROR";

    private static CoAuthor offline;

    private final PluginStepContext context;
    private final PluginLogger log;

    GenerationRun(PluginStepContext context) {
        this.context = context;
        this.log = context.getLogger();
    }

    void run(StepConfig config, String apiKey) throws StepException {
        String sha = sha256(config.request());
        log.log(
                LogLevel.NORMAL,
                "Co-author: generating a Rundeck job with provider " + config.provider() + ", category "
                        + (config.category() == null ? "(any)" : config.category()));
        GenerationRequest request = GenerationRequest.builder()
                .text(config.request())
                .category(config.category())
                .build();
        GenerationResult result;
        try {
            result = withPluginClassLoader(() -> coAuthor(config, apiKey).generate(request));
        } catch (CoauthorException | IllegalArgumentException e) {
            String message = "the provider failed: " + e.getMessage();
            finish(ERROR_STATUS, message, null, List.of(), null, config.provider(), sha);
            throw new StepException("Co-author: " + message, e, GenerateFailure.ProviderFailure);
        }
        if (result.artifact() != null) {
            log.log(LogLevel.NORMAL, "Generated job (YAML):\n" + result.artifact());
        }
        for (Finding f : result.findings()) {
            log.log(level(f.severity()), f + (f.hint().isEmpty() ? "" : " (fix: " + f.hint() + ")"));
        }
        if (result.transcript() != null) {
            log.log(LogLevel.NORMAL, "Dry-run transcript:\n" + result.transcript());
        }
        String status = result.status().name();
        finish(
                status,
                result.message(),
                result.artifact(),
                result.findings(),
                result.transcript(),
                config.provider(),
                sha);
        if (result.status() != GenerationStatus.OK) {
            throw new StepException("Co-author: " + status + ": " + result.message(), reason(result.status()));
        }
    }

    private void finish(
            String status,
            String message,
            String yaml,
            List<Finding> findings,
            String transcript,
            String provider,
            String sha) {
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings =
                findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        boolean ok = status.equals(GenerationStatus.OK.name());
        log.log(ok ? LogLevel.NORMAL : LogLevel.ERROR, "Co-author: " + status + ": " + message);
        log.log(
                LogLevel.NORMAL,
                "coauthor audit: user=" + user() + " project=" + context.getFrameworkProject() + " requestSha256="
                        + sha + " provider=" + provider + " status=" + status + " findings=" + errors + "E/"
                        + warnings + "W");
        var output = context.getOutputContext();
        if (output != null) {
            output.addOutput(ContextView.global(), "coauthor", "status", status);
            output.addOutput(ContextView.global(), "coauthor", "requestSha256", sha);
            output.addOutput(ContextView.global(), "coauthor", "provider", provider);
        }
        log.log(LogLevel.NORMAL, ResultLine.encode(status, message, yaml, findings, transcript, provider, sha));
    }

    private static synchronized CoAuthor coAuthor(StepConfig config, String apiKey) {
        if (config.provider().equals(Providers.OFFLINE)) {
            // Loading the embedding model is the slow part; one offline co-author serves every execution.
            if (offline == null) {
                offline = CoAuthor.offline();
            }
            return offline;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("provider", config.provider());
        putIfSet(settings, "model", config.model());
        putIfSet(settings, "base-url", config.baseUrl());
        Map<String, String> env = new LinkedHashMap<>();
        String variable = Providers.apiKeyVariable(config.provider());
        if (variable != null && apiKey != null) {
            env.put(variable, apiKey);
        }
        return Providers.coAuthor(settings, env, null, null, 2);
    }

    /**
     * Runs {@code work} with the plugin's class loader as the thread's context loader: libraries that
     * discover implementations through it (HTTP clients, JSON codecs) must see the plugin's lib/ jars,
     * not only the server's.
     */
    private static <T> T withPluginClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(GenerationRun.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private String user() {
        Map<String, Map<String, String>> data = context.getDataContext();
        Map<String, String> job = data == null ? null : data.get("job");
        String user = job == null ? null : job.get("username");
        if ((user == null || user.isBlank()) && context.getExecutionContext() != null) {
            user = context.getExecutionContext().getUser();
        }
        return user == null || user.isBlank() ? "unknown" : user.replaceAll("\\s+", "_");
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static int level(Severity severity) {
        return switch (severity) {
            case ERROR -> LogLevel.ERROR;
            case WARNING -> LogLevel.WARN;
            case INFO -> LogLevel.NORMAL;
        };
    }

    private static GenerateFailure reason(GenerationStatus status) {
        return switch (status) {
            case INVALID -> GenerateFailure.InvalidJob;
            case NO_MATCH -> GenerateFailure.NoMatch;
            case REFUSED -> GenerateFailure.Refused;
            case OK -> throw new IllegalStateException("OK is not a failure");
        };
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
