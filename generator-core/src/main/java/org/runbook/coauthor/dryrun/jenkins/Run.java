package org.runbook.coauthor.dryrun.jenkins;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.validate.jenkins.StepCatalog;

/** The state of one dry-run: options, transcript, environment, parameters and the build result. */
final class Run {
    private final PipelineDryRunOptions options;
    private final Recorder recorder;
    private final Map<String, Object> env = new LinkedHashMap<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> paramsView = Collections.unmodifiableMap(params);
    private final CurrentBuild currentBuild;
    private final Steps steps;
    private PipelineScript script;
    private BuildResult result = BuildResult.SUCCESS;
    private boolean pipelineSeen;
    private final java.util.Set<String> declared = new java.util.LinkedHashSet<>();

    Run(PipelineDryRunOptions options, Recorder recorder) {
        this.options = options;
        this.recorder = recorder;
        env.putAll(options.env());
        this.currentBuild = new CurrentBuild(this);
        this.steps = new Steps(this);
    }

    PipelineDryRunOptions options() {
        return options;
    }

    Recorder recorder() {
        return recorder;
    }

    /** Environment variables; mutable, as {@code env.X = 'y'} and {@code withEnv} change it. */
    Map<String, Object> env() {
        return env;
    }

    /** Parameters as the script sees them (read-only, as in Jenkins). */
    Map<String, Object> params() {
        return paramsView;
    }

    void param(String name, Object value) {
        params.put(name, value);
        env.put(name, value == null ? "" : value.toString());
    }

    CurrentBuild currentBuild() {
        return currentBuild;
    }

    Steps steps() {
        return steps;
    }

    StepCatalog catalog() {
        return options.catalog();
    }

    PipelineScript script() {
        return script;
    }

    void script(PipelineScript value) {
        script = value;
    }

    synchronized BuildResult result() {
        return result;
    }

    synchronized void worsen(BuildResult value) {
        result = result.worst(value);
    }

    /** Names of the parameters the pipeline declares. */
    java.util.Set<String> declared() {
        return declared;
    }

    boolean pipelineSeen() {
        return pipelineSeen;
    }

    void pipelineSeen(boolean value) {
        pipelineSeen = value;
    }

    /**
     * Runs {@code body} with extra environment variables, then restores those variables only: what
     * the body sets itself ({@code env.VERSION = ...}) stays, as in Jenkins.
     */
    void withEnv(Map<String, ?> extra, Runnable body) {
        Map<String, Object> saved = new LinkedHashMap<>();
        extra.keySet().forEach(k -> saved.put(k, env.get(k)));
        env.putAll(extra);
        try {
            body.run();
        } finally {
            restore(saved);
        }
    }

    /** Puts back the values {@code saved} holds; a null value means the variable was not set. */
    void restore(Map<String, Object> saved) {
        saved.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
    }
}
