package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;

/**
 * SEC009: a secure option leaks or can be empty. A plaintext default ({@code value}) is an error:
 * Rundeck drops it when it saves the job, but the secret is in the file. {@code valueExposed: true}
 * without a {@code mask-passwords} log filter is a warning: the value reaches the steps and can be
 * printed in the log. A secure option with neither a {@code storagePath} nor {@code required: true}
 * is worth knowing (info): the job runs with an empty secret when nobody types one.
 */
public final class SecureOptionExposureRule extends AbstractRule {
    @Override
    public String id() {
        return "SEC009";
    }

    @Override
    public String title() {
        return "a secure option has a plaintext default, is exposed without masking, or can be empty";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void visitOption(JobView job, OptionView o) {
        if (!o.secure()) {
            return;
        }
        if (o.defaultValue().filter(v -> !v.isEmpty()).isPresent()) {
            report(
                    Severity.ERROR,
                    o.pointer("value"),
                    "secure option \"" + o.name() + "\" has a plaintext default value; Rundeck drops it when it saves"
                            + " the job, but the secret is in this file",
                    "remove the value, store the secret in Key Storage and set storagePath (e.g. keys/project/"
                            + o.name() + "), then change the secret");
        }
        if (o.flag("valueExposed") && !masked(job)) {
            report(
                    Severity.WARNING,
                    o.pointer("valueExposed"),
                    "secure option \"" + o.name() + "\" has valueExposed: true, so its value reaches the steps and can"
                            + " be printed in the log, and the job has no \"mask-passwords\" log filter",
                    "add a \"mask-passwords\" log filter to sequence.pluginConfig.LogFilter, or set valueExposed: false"
                            + " if the value is only used to authenticate");
        }
        if (!o.node().has("storagePath") && !o.required()) {
            report(
                    Severity.INFO,
                    o.node().has("name") ? o.pointer("name") : o.pointer(),
                    "secure option \"" + o.name() + "\" has neither a storagePath nor required: true, so the job can"
                            + " run with an empty secret",
                    "set storagePath to the secret in Key Storage, or make the option required");
        }
    }

    /** A {@code mask-passwords} log filter for the whole workflow or on a step. */
    private static boolean masked(JobView job) {
        if (hasMask(job.node().path("sequence").path("pluginConfig").path("LogFilter"))) {
            return true;
        }
        for (StepView s : job.steps()) {
            if (hasMask(s.node().path("plugins").path("LogFilter"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMask(JsonNode filters) {
        if (filters.isObject()) {
            return filters.path("type").asText("").equals("mask-passwords");
        }
        for (JsonNode f : filters) {
            if (f.path("type").asText("").equals("mask-passwords")) {
                return true;
            }
        }
        return false;
    }
}
