package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.common.INodeEntry;
import com.dtolabs.rundeck.core.common.NodeEntryImpl;
import java.nio.file.Path;

/**
 * Resolves how to reach a node from its entry (hostname with optional {@code user@} and
 * {@code :port}, {@code username}, {@code ssh-port}, {@code ssh-key-storage-path},
 * {@code ssh-key-passphrase-storage-path}) and the step configuration, which wins when set.
 */
final class NodeTargets {
    static final String SSH_KEY_ATTRIBUTE = "ssh-key-storage-path";
    static final String SSH_PASSPHRASE_ATTRIBUTE = "ssh-key-passphrase-storage-path";
    static final String SSH_PORT_ATTRIBUTE = "ssh-port";

    private NodeTargets() {}

    static SshTarget sshTarget(
            INodeEntry node,
            KeyStorageReader secrets,
            String keyPath,
            String passphrasePath,
            HostKeyPolicy policy,
            Path knownHosts,
            int timeoutMillis) {
        String name = node.getNodename();
        String hostname = node.getHostname();
        if (isBlank(hostname)) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "node \"" + name + "\" has no hostname; set its hostname attribute in the node source");
        }
        String host = NodeEntryImpl.extractHostname(hostname);
        String user =
                NodeEntryImpl.containsUserName(hostname) ? NodeEntryImpl.extractUserName(hostname) : node.getUsername();
        if (isBlank(user)) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "node \"" + name + "\" has no username; set its username attribute in the node source");
        }
        int port = port(node, hostname);
        String key = firstSet(keyPath, node.getAttributes().get(SSH_KEY_ATTRIBUTE));
        if (key == null) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: sshKeyStoragePath is required when node \"" + name
                            + "\" has no \"" + SSH_KEY_ATTRIBUTE + "\" attribute; point it at the node's private key"
                            + " in Key Storage");
        }
        String passphraseKey = firstSet(passphrasePath, node.getAttributes().get(SSH_PASSPHRASE_ATTRIBUTE));
        byte[] privateKey = secrets.read(key, "SSH private key");
        byte[] passphrase = passphraseKey == null ? null : secrets.read(passphraseKey, "SSH key passphrase");
        return new SshTarget(name, host, port, user, privateKey, passphrase, key, policy, knownHosts, timeoutMillis);
    }

    private static int port(INodeEntry node, String hostname) {
        String value = NodeEntryImpl.containsPort(hostname)
                ? NodeEntryImpl.extractPort(hostname)
                : node.getAttributes().get(SSH_PORT_ATTRIBUTE);
        if (isBlank(value)) {
            return 22;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException(value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "node \"" + node.getNodename() + "\" has SSH port \"" + value + "\"; expected 1 to 65535",
                    e);
        }
    }

    static String require(String value, String field) {
        if (isBlank(value)) {
            throw new TransferException(
                    TransferFailure.ConfigurationError, "Configuration invalid: " + field + " is required");
        }
        return value;
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String firstSet(String first, String second) {
        if (!isBlank(first)) {
            return first.trim();
        }
        return isBlank(second) ? null : second.trim();
    }
}
