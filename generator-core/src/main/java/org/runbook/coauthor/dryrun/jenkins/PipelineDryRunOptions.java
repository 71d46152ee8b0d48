package org.runbook.coauthor.dryrun.jenkins;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.plan.Require;
import org.runbook.coauthor.validate.jenkins.StepCatalog;

/**
 * Inputs of a Jenkinsfile dry-run.
 *
 * <pre>{@code
 * PipelineDryRunOptions options = PipelineDryRunOptions.builder()
 *         .params(Map.of("ENV", "prod"))
 *         .env(Map.of("BRANCH_NAME", "release/1.2"))
 *         .timeBudget(Duration.ofSeconds(2))
 *         .build();
 * }</pre>
 *
 * @param params values for the pipeline's parameters, overriding their defaults
 * @param env the build's environment: defaults for a dry-run ({@code BRANCH_NAME=main},
 *     {@code BUILD_NUMBER=1}, ...) with the given values on top
 * @param timeBudget how long the Jenkinsfile may run; compiling is not counted
 * @param maxIterations loop iterations and closure calls a run may make
 * @param maxSteps steps a run may record
 * @param maxChars the largest Jenkinsfile read, in characters
 * @param catalog the steps Jenkins knows; others are findings
 */
public record PipelineDryRunOptions(
        Map<String, String> params,
        Map<String, String> env,
        Duration timeBudget,
        long maxIterations,
        int maxSteps,
        int maxChars,
        StepCatalog catalog) {

    /** The environment every dry-run starts from. */
    public static final Map<String, String> DEFAULT_ENV = defaultEnv();

    public PipelineDryRunOptions {
        params = params == null ? Map.of() : Map.copyOf(params);
        Map<String, String> merged = new LinkedHashMap<>(DEFAULT_ENV);
        if (env != null) {
            merged.putAll(env);
        }
        env = java.util.Collections.unmodifiableMap(merged);
        Require.notNull(timeBudget, "time budget");
        Require.notNull(catalog, "catalog");
        if (timeBudget.isNegative() || timeBudget.isZero() || maxIterations < 1 || maxSteps < 1 || maxChars < 1) {
            throw new IllegalArgumentException("the time budget and the limits must be positive");
        }
    }

    public static PipelineDryRunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder()
                .params(params)
                .timeBudget(timeBudget)
                .maxIterations(maxIterations)
                .maxSteps(maxSteps)
                .maxChars(maxChars)
                .catalog(catalog);
        b.env = new LinkedHashMap<>(env);
        return b;
    }

    private static Map<String, String> defaultEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BRANCH_NAME", "main");
        env.put("BUILD_NUMBER", "1");
        env.put("BUILD_ID", "1");
        env.put("BUILD_TAG", "jenkins-dry-run-1");
        env.put("JOB_NAME", "dry-run");
        env.put("JOB_BASE_NAME", "dry-run");
        env.put("JENKINS_URL", "https://jenkins.invalid/");
        env.put("BUILD_URL", "https://jenkins.invalid/job/dry-run/1/");
        env.put("WORKSPACE", "/workspace/dry-run");
        env.put("NODE_NAME", "built-in");
        return java.util.Collections.unmodifiableMap(env);
    }

    /** Builds {@link PipelineDryRunOptions}. */
    public static final class Builder {
        private Map<String, String> params = Map.of();
        private Map<String, String> env = Map.of();
        private Duration timeBudget = Duration.ofSeconds(5);
        private long maxIterations = 1_000_000;
        private int maxSteps = 10_000;
        private int maxChars = 1024 * 1024;
        private StepCatalog catalog = StepCatalog.bundled();

        private Builder() {}

        public Builder params(Map<String, String> value) {
            this.params = value;
            return this;
        }

        public Builder env(Map<String, String> value) {
            this.env = value;
            return this;
        }

        public Builder timeBudget(Duration value) {
            this.timeBudget = value;
            return this;
        }

        public Builder maxIterations(long value) {
            this.maxIterations = value;
            return this;
        }

        public Builder maxSteps(int value) {
            this.maxSteps = value;
            return this;
        }

        public Builder maxChars(int value) {
            this.maxChars = value;
            return this;
        }

        public Builder catalog(StepCatalog value) {
            this.catalog = value;
            return this;
        }

        public PipelineDryRunOptions build() {
            return new PipelineDryRunOptions(params, env, timeBudget, maxIterations, maxSteps, maxChars, catalog);
        }
    }
}
