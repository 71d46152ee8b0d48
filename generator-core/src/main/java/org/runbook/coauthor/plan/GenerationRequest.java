package org.runbook.coauthor.plan;

import java.util.List;

/**
 * What the operator asked for.
 *
 * <pre>{@code
 * GenerationRequest request = GenerationRequest.builder()
 *         .text("Restart nginx on the nodes I pick")
 *         .category("Service Restarts")
 *         .build();
 * }</pre>
 *
 * @param category optional: one of the catalog's categories; it biases retrieval, it does not restrict it
 * @param installedPlugins optional: provider names installed on the target (empty: unknown)
 */
public record GenerationRequest(String text, String category, Target target, List<String> installedPlugins) {
    /** Longest request accepted, in characters; longer text is almost always a pasted log. */
    public static final int MAX_TEXT_LENGTH = 4000;

    public GenerationRequest {
        Require.notBlank(text, "request text");
        text = text.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("request text is " + text.length() + " characters long; the limit is "
                    + MAX_TEXT_LENGTH + "; describe the task in fewer words");
        }
        category = category == null || category.isBlank() ? null : category.strip();
        target = target == null ? Target.RUNDECK : target;
        installedPlugins = Require.copy(installedPlugins);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().text(text).category(category).target(target).installedPlugins(installedPlugins);
    }

    /** Builds a {@link GenerationRequest}. */
    public static final class Builder {
        private String text;
        private String category;
        private Target target = Target.RUNDECK;
        private List<String> installedPlugins = List.of();

        private Builder() {}

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder category(String value) {
            this.category = value;
            return this;
        }

        public Builder target(Target value) {
            this.target = value;
            return this;
        }

        public Builder installedPlugins(List<String> value) {
            this.installedPlugins = value;
            return this;
        }

        public GenerationRequest build() {
            return new GenerationRequest(text, category, target, installedPlugins);
        }
    }
}
