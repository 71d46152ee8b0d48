package org.runbook.coauthor.rundeck.transfer;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

/**
 * One SSH session with an SFTP channel to a node, with JSch and SFTP errors mapped to
 * {@link TransferFailure}s whose messages name the node, the path and the fix.
 */
final class NodeSftp implements AutoCloseable {
    private final SshTarget target;
    private final Session session;
    private final ChannelSftp sftp;

    private NodeSftp(SshTarget target, Session session, ChannelSftp sftp) {
        this.target = target;
        this.session = session;
        this.sftp = sftp;
    }

    static NodeSftp connect(SshTarget target) {
        JSch jsch = new JSch();
        Session session = null;
        try {
            if (Files.isReadable(target.knownHosts())) {
                jsch.setKnownHosts(target.knownHosts().toString());
            }
            jsch.setHostKeyRepository(new PolicyHostKeyRepository(
                    jsch.getHostKeyRepository(), target.hostKeyPolicy(), target.knownHosts()));
            addIdentity(jsch, target);
            session = jsch.getSession(target.user(), target.host(), target.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setTimeout(target.connectTimeoutMillis());
            session.setServerAliveInterval(Math.max(1000, target.connectTimeoutMillis() / 2));
            session.setServerAliveCountMax(2);
            session.connect(target.connectTimeoutMillis());
            ChannelSftp sftp = (ChannelSftp) session.openChannel("sftp");
            sftp.connect(target.connectTimeoutMillis());
            return new NodeSftp(target, session, sftp);
        } catch (JSchException e) {
            if (session != null) {
                session.disconnect();
            }
            throw connectFailure(target, e);
        } catch (RuntimeException e) {
            if (session != null) {
                session.disconnect();
            }
            throw e;
        }
    }

    private static void addIdentity(JSch jsch, SshTarget target) {
        try {
            jsch.addIdentity("key-storage:" + target.keyStoragePath(), target.privateKey(), null, target.passphrase());
        } catch (JSchException e) {
            throw new TransferException(
                    TransferFailure.SshAuthFailed,
                    "the SSH key at \"" + target.keyStoragePath() + "\" for node \"" + target.nodeName()
                            + "\" is not a usable private key (" + e.getMessage()
                            + "); store an OpenSSH or PEM private key there, with its passphrase when it has one",
                    e);
        }
    }

    private static TransferException connectFailure(SshTarget target, JSchException e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof JSchHostKeyException) {
            return new TransferException(
                    TransferFailure.HostKeyRejected,
                    "the host key of node \"" + target.nodeName() + "\" (" + target.host() + ":" + target.port()
                            + ") was rejected under hostKeyChecking \""
                            + target.hostKeyPolicy().configValue()
                            + "\": " + message + "; verify the key and fix " + target.knownHosts(),
                    e);
        }
        // JSch's auth exception types are package-private; their messages are stable ("Auth fail", "Auth cancel").
        if (message.startsWith("Auth") || message.startsWith("USERAUTH fail")) {
            return new TransferException(
                    TransferFailure.SshAuthFailed,
                    "node \"" + target.nodeName() + "\" refused SSH key \"" + target.keyStoragePath() + "\" for "
                            + target.address() + "; add its public key to ~" + target.user()
                            + "/.ssh/authorized_keys on the node or point sshKeyStoragePath at the right key",
                    e);
        }
        return new TransferException(
                TransferFailure.SshConnectFailed,
                "cannot connect to node \"" + target.nodeName() + "\" at " + target.host() + ":" + target.port()
                        + " over SSH (" + message + "); check the node's hostname, port and firewall",
                e);
    }

    /** The size of a regular file, failing when it is missing or not a file. */
    long size(String path) {
        SftpATTRS attrs;
        try {
            attrs = sftp.stat(path);
        } catch (SftpException e) {
            throw fileFailure("read", path, e);
        }
        if (!attrs.isReg()) {
            throw new TransferException(
                    TransferFailure.RemoteFileFailed,
                    "\"" + path + "\" on node \"" + target.nodeName() + "\" is not a regular file; name a file");
        }
        return attrs.getSize();
    }

    InputStream open(String path) {
        try {
            return sftp.get(path);
        } catch (SftpException e) {
            throw fileFailure("read", path, e);
        }
    }

    OutputStream create(String path) {
        try {
            return sftp.put(path, ChannelSftp.OVERWRITE);
        } catch (SftpException e) {
            throw fileFailure("write", path, e);
        }
    }

    /** Moves {@code from} over {@code to}; SFTP v3 rename refuses an existing target, so that is removed first. */
    void replace(String from, String to) {
        try {
            sftp.rename(from, to);
        } catch (SftpException first) {
            try {
                sftp.stat(to);
                sftp.rm(to);
                sftp.rename(from, to);
            } catch (SftpException e) {
                throw fileFailure("rename \"" + from + "\" to", to, e);
            }
        }
    }

    void deleteQuietly(String path) {
        if (!isConnected()) {
            return;
        }
        try {
            sftp.rm(path);
        } catch (SftpException ignored) {
            // Best effort: the file is a temp name the caller already reports about.
        }
    }

    boolean isConnected() {
        return session.isConnected() && sftp.isConnected() && !sftp.isClosed();
    }

    /**
     * Whether the link is still usable: a stat must get a real answer (the file, or "no such file"
     * / "permission denied" when it changed meanwhile); anything else counts as a dropped link.
     */
    boolean probe(String path) {
        if (!isConnected()) {
            return false;
        }
        try {
            sftp.stat(path);
            return isConnected();
        } catch (SftpException e) {
            return (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE || e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED)
                    && isConnected();
        } catch (RuntimeException e) {
            return false;
        }
    }

    TransferException dropped(String what, Throwable cause) {
        return new TransferException(
                TransferFailure.ConnectionDropped,
                "the SSH connection to node \"" + target.nodeName() + "\" (" + target.host() + ":" + target.port()
                        + ") dropped while " + what + "; nothing was kept, run the step again",
                cause);
    }

    private TransferException fileFailure(String verb, String path, SftpException e) {
        if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
            return new TransferException(
                    TransferFailure.RemoteFileMissing,
                    "cannot " + verb + " \"" + path + "\" on node \"" + target.nodeName()
                            + "\": no such file; check the path and the file name",
                    e);
        }
        if (e.id == ChannelSftp.SSH_FX_NO_CONNECTION || e.id == ChannelSftp.SSH_FX_CONNECTION_LOST || !isConnected()) {
            return dropped("trying to " + verb + " \"" + path + "\"", e);
        }
        String hint = e.id == ChannelSftp.SSH_FX_PERMISSION_DENIED
                ? "give user \"" + target.user() + "\" access to it"
                : "check the path and the free space on the node";
        return new TransferException(
                TransferFailure.RemoteFileFailed,
                "cannot " + verb + " \"" + path + "\" on node \"" + target.nodeName() + "\": " + e.getMessage() + "; "
                        + hint,
                e);
    }

    @Override
    public void close() {
        sftp.disconnect();
        session.disconnect();
    }
}
