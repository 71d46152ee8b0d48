package org.runbook.coauthor.rundeck.transfer;

import java.nio.file.Path;

/**
 * Where and how to reach a node over SSH. Holds the private key, so {@link #toString()} leaves it out.
 */
record SshTarget(
        String nodeName,
        String host,
        int port,
        String user,
        byte[] privateKey,
        byte[] passphrase,
        String keyStoragePath,
        HostKeyPolicy hostKeyPolicy,
        Path knownHosts,
        int connectTimeoutMillis) {

    String address() {
        return user + "@" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "SshTarget[node=" + nodeName + ", " + address() + ", key=" + keyStoragePath + ", hostKeyChecking="
                + hostKeyPolicy.configValue() + "]";
    }
}
