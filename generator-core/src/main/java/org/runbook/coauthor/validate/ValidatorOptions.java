package org.runbook.coauthor.validate;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the validator knows beyond the document.
 *
 * <pre>{@code
 * ValidatorOptions options = ValidatorOptions.builder()
 *         .installedPlugins(Set.of("coauthor-s3-upload-step"))
 *         .library(Path.of("jobs/"))
 *         .build();
 * }</pre>
 *
 * @param installedPlugins provider names installed on the target Rundeck (from {@code --plugins});
 *     empty means unknown, and only built-in and co-author providers are known
 * @param library a directory of job files that job references are resolved against, or null
 * @param shellcheck whether to run shellcheck when it is installed
 * @param config per-path rule switches and severities
 * @param jenkinsSteps a file listing the pipeline steps installed on a Jenkins controller (one name
 *     a line), added to the bundled step catalog for Jenkinsfiles; null for the bundled one alone
 */
public record ValidatorOptions(
        Set<String> installedPlugins, Path library, boolean shellcheck, ValidatorConfig config, Path jenkinsSteps) {
    public ValidatorOptions {
        installedPlugins = installedPlugins == null ? Set.of() : Set.copyOf(installedPlugins);
        config = config == null ? ValidatorConfig.EMPTY : config;
    }

    public static ValidatorOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .installedPlugins(installedPlugins)
                .library(library)
                .shellcheck(shellcheck)
                .config(config)
                .jenkinsSteps(jenkinsSteps);
    }

    /** Builds {@link ValidatorOptions}. */
    public static final class Builder {
        private Set<String> installedPlugins = Set.of();
        private Path library;
        private boolean shellcheck = true;
        private ValidatorConfig config = ValidatorConfig.EMPTY;
        private Path jenkinsSteps;

        private Builder() {}

        public Builder installedPlugins(Set<String> value) {
            this.installedPlugins = value;
            return this;
        }

        public Builder library(Path value) {
            this.library = value;
            return this;
        }

        public Builder shellcheck(boolean value) {
            this.shellcheck = value;
            return this;
        }

        public Builder config(ValidatorConfig value) {
            this.config = value;
            return this;
        }

        public Builder jenkinsSteps(Path value) {
            this.jenkinsSteps = value;
            return this;
        }

        public ValidatorOptions build() {
            return new ValidatorOptions(installedPlugins, library, shellcheck, config, jenkinsSteps);
        }
    }
}
