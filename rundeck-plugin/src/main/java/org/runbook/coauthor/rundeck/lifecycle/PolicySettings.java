package org.runbook.coauthor.rundeck.lifecycle;

import java.util.Locale;

/**
 * A project's safety policy, as an administrator sets it in the project configuration
 * ({@code project.plugin.JobLifecycle.coauthor-safety-policy.<property>}).
 *
 * <pre>{@code
 * PolicySettings settings = new PolicySettings(PolicySettings.Mode.ENFORCE, 10, "confirm", "keys/project/ops/");
 * }</pre>
 *
 * @param maxNodesWithoutConfirm the most nodes a job may target before it needs a confirmation option
 * @param confirmOptionName the option that confirms a wide run
 * @param allowedSecretStoragePrefix Key Storage prefix secure options must read from; null for any
 */
public record PolicySettings(
        Mode mode, int maxNodesWithoutConfirm, String confirmOptionName, String allowedSecretStoragePrefix) {

    /** What a violation does on save. */
    public enum Mode {
        /** The job is saved; the violations go to the server log. */
        WARN,
        /** The save fails with the violations and their fixes. */
        ENFORCE;

        /** The mode named {@code value} ({@code warn} or {@code enforce}, any case); blank is {@code warn}. */
        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return WARN;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "policy mode \"" + value + "\" is unknown; use \"warn\" or \"enforce\"", e);
            }
        }
    }

    public PolicySettings {
        mode = mode == null ? Mode.WARN : mode;
        if (maxNodesWithoutConfirm < 0) {
            throw new IllegalArgumentException(
                    "maxNodesWithoutConfirm is " + maxNodesWithoutConfirm + "; it must be 0 or more");
        }
        confirmOptionName = confirmOptionName == null || confirmOptionName.isBlank() ? "confirm" : confirmOptionName;
        allowedSecretStoragePrefix = allowedSecretStoragePrefix == null || allowedSecretStoragePrefix.isBlank()
                ? null
                : allowedSecretStoragePrefix.strip();
    }

    /** Warn mode, 10 nodes, option {@code confirm}, any storage path. */
    public static PolicySettings defaults() {
        return new PolicySettings(Mode.WARN, 10, "confirm", null);
    }
}
