package org.runbook.coauthor.rundeck.transfer;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real SFTP server (Apache MINA SSHD, key auth, serving a directory) and a real S3-compatible
 * server (s3proxy on an in-memory store), both on loopback ports.
 */
final class TransferServers implements AutoCloseable {
    static final String SSH_USER = "rundeck";
    static final String ACCESS_KEY = "AKIATRANSFERTEST";
    static final String SECRET_KEY = "s3cr3t-never-logged-0123456789";

    final Path nodeRoot;
    final byte[] clientPrivateKey;
    final byte[] otherPrivateKey;
    private final SshServer sshd;
    private final S3Proxy s3proxy;
    private final AtomicLong dropAfter = new AtomicLong(-1);

    TransferServers(Path workDir) throws Exception {
        nodeRoot = workDir.resolve("node");
        java.nio.file.Files.createDirectories(nodeRoot);
        JSch jsch = new JSch();
        KeyPair client = KeyPair.genKeyPair(jsch, KeyPair.ECDSA, 256);
        KeyPair other = KeyPair.genKeyPair(jsch, KeyPair.ECDSA, 256);
        clientPrivateKey = privateKey(client);
        otherPrivateKey = privateKey(other);
        PublicKey allowed = new ByteArrayBuffer(client.getPublicKeyBlob()).getRawPublicKey();

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(workDir.resolve("hostkey.ser")));
        sshd.setPublickeyAuthenticator(
                (user, key, session) -> SSH_USER.equals(user) && KeyUtils.compareKeys(allowed, key));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new Dropper());
        sshd.setSubsystemFactories(List.of(sftp));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(nodeRoot));
        sshd.start();

        s3proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        s3proxy.start();
        while (!"STARTED".equals(s3proxy.getState())) {
            Thread.sleep(10);
        }
    }

    private static byte[] privateKey(KeyPair pair) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pair.writePrivateKey(out);
        return out.toByteArray();
    }

    int sshPort() {
        return sshd.getPort();
    }

    URI s3Endpoint() {
        return URI.create("http://127.0.0.1:" + s3proxy.getPort());
    }

    S3Client s3() {
        return S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(s3Endpoint())
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Closes the SSH session once a read reaches {@code offset} bytes into any file; -1 disarms. */
    void dropSessionAfter(long offset) {
        dropAfter.set(offset);
    }

    @Override
    public void close() throws Exception {
        sshd.stop(true);
        s3proxy.stop();
    }

    private final class Dropper implements SftpEventListener {
        @Override
        public void reading(
                ServerSession session,
                String remoteHandle,
                FileHandle localHandle,
                long offset,
                byte[] data,
                int dataOffset,
                int dataLen)
                throws IOException {
            long limit = dropAfter.get();
            if (limit >= 0 && offset >= limit) {
                // Like a link going down: no error status first, the session just ends.
                session.close(true);
            }
        }
    }
}
