package org.runbook.coauthor.rundeck.transfer;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How the step treats the node's SSH host key, named like OpenSSH's {@code StrictHostKeyChecking}.
 *
 * <p>The default is {@link #ACCEPT_NEW}: nodes come and go in dynamic inventories, so demanding a
 * pre-filled known_hosts ({@link #STRICT}) fails every fresh node, while {@link #OFF} lets anyone
 * who can redirect the connection receive the file. Accept-new trusts a key the first time, records
 * it, and refuses a changed key afterwards.
 */
enum HostKeyPolicy {
    /** Only keys already in the known_hosts file are accepted. */
    STRICT("strict"),
    /** Unknown keys are recorded in the known_hosts file; changed keys are refused. */
    ACCEPT_NEW("accept-new"),
    /** No host key check at all (logged as a warning). */
    OFF("off");

    static final String DEFAULT = "accept-new";

    private final String configValue;

    HostKeyPolicy(String configValue) {
        this.configValue = configValue;
    }

    String configValue() {
        return configValue;
    }

    static HostKeyPolicy parse(String value) {
        String wanted = value == null || value.isBlank() ? DEFAULT : value.trim();
        for (HostKeyPolicy policy : values()) {
            if (policy.configValue.equalsIgnoreCase(wanted)) {
                return policy;
            }
        }
        throw new TransferException(
                TransferFailure.ConfigurationError,
                "Configuration invalid: hostKeyChecking is \"" + value + "\"; expected one of "
                        + Arrays.stream(values())
                                .map(p -> "\"" + p.configValue + "\"")
                                .collect(Collectors.joining(", ")));
    }
}
