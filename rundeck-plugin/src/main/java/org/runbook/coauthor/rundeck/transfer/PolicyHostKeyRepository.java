package org.runbook.coauthor.rundeck.transfer;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Applies a {@link HostKeyPolicy} on top of JSch's known_hosts repository. JSch runs with strict
 * checking, and this repository decides what "known" means, so the policy never depends on JSch's
 * own handling of {@code StrictHostKeyChecking=no}.
 */
final class PolicyHostKeyRepository implements HostKeyRepository {
    /** Parallel node threads may append to the same file. */
    private static final Object FILE_LOCK = new Object();

    private final HostKeyRepository delegate;
    private final HostKeyPolicy policy;
    private final Path knownHosts;

    PolicyHostKeyRepository(HostKeyRepository delegate, HostKeyPolicy policy, Path knownHosts) {
        this.delegate = delegate;
        this.policy = policy;
        this.knownHosts = knownHosts;
    }

    @Override
    public int check(String host, byte[] key) {
        if (policy == HostKeyPolicy.OFF) {
            return OK;
        }
        int result = delegate.check(host, key);
        if (result == NOT_INCLUDED && policy == HostKeyPolicy.ACCEPT_NEW) {
            record(host, key);
            return OK;
        }
        return result;
    }

    private void record(String host, byte[] key) {
        try {
            HostKey hostKey = new HostKey(host, key);
            delegate.add(hostKey, null);
            String line = hostKey.getHost() + " " + hostKey.getType() + " " + hostKey.getKey() + "\n";
            synchronized (FILE_LOCK) {
                Path parent = knownHosts.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(
                        knownHosts, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (JSchException e) {
            throw new TransferException(
                    TransferFailure.HostKeyRejected,
                    "host key of \"" + host + "\" could not be read: " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the host key of \"" + host + "\" in " + knownHosts, e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        delegate.add(hostkey, ui);
    }

    @Override
    public void remove(String host, String type) {
        delegate.remove(host, type);
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        delegate.remove(host, type, key);
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return delegate.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return delegate.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return delegate.getHostKey(host, type);
    }
}
