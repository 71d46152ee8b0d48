package org.runbook.coauthor.dryrun;

import java.nio.file.Path;
import java.util.Map;

/**
 * Inputs of a dry-run.
 *
 * <pre>{@code
 * DryRunOptions options = DryRunOptions.builder()
 *         .optionValues(Map.of("hostname", "web01"))
 *         .nodes(Path.of("resources.yaml"))
 *         .build();
 * }</pre>
 *
 * @param optionValues values given for job options; missing ones come from defaults or are synthesized
 * @param nodes a Rundeck resource model file (YAML or JSON); null means the Rundeck server node only
 * @param syntaxCheck whether to run {@code bash -n} on every expanded script
 * @param sampleNodes with no inventory, whether a node filter selects sample nodes made to match it
 *     (for generated jobs) instead of only the Rundeck server node (as Rundeck would with no nodes)
 */
public record DryRunOptions(Map<String, String> optionValues, Path nodes, boolean syntaxCheck, boolean sampleNodes) {
    public DryRunOptions {
        optionValues = optionValues == null ? Map.of() : Map.copyOf(optionValues);
    }

    public static DryRunOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .optionValues(optionValues)
                .nodes(nodes)
                .syntaxCheck(syntaxCheck)
                .sampleNodes(sampleNodes);
    }

    /** Builds {@link DryRunOptions}. */
    public static final class Builder {
        private Map<String, String> optionValues = Map.of();
        private Path nodes;
        private boolean syntaxCheck = true;
        private boolean sampleNodes;

        private Builder() {}

        public Builder optionValues(Map<String, String> value) {
            this.optionValues = value;
            return this;
        }

        public Builder nodes(Path value) {
            this.nodes = value;
            return this;
        }

        public Builder syntaxCheck(boolean value) {
            this.syntaxCheck = value;
            return this;
        }

        public Builder sampleNodes(boolean value) {
            this.sampleNodes = value;
            return this;
        }

        public DryRunOptions build() {
            return new DryRunOptions(optionValues, nodes, syntaxCheck, sampleNodes);
        }
    }
}
