package org.runbook.coauthor.rundeck.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dtolabs.rundeck.core.common.NodeEntryImpl;
import com.dtolabs.rundeck.core.execution.workflow.steps.node.NodeStepException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Drives both S3 steps against a real SFTP server and a real S3-compatible server. */
class S3TransferStepIT {
    private static final String BUCKET = "transfers";
    private static final String SSH_KEY = "keys/project/ops/ssh/node.pem";
    private static final String WRONG_SSH_KEY = "keys/project/ops/ssh/other.pem";
    private static final String ACCESS_KEY_PATH = "keys/project/ops/aws/access-key-id";
    private static final String SECRET_KEY_PATH = "keys/project/ops/aws/secret-access-key";

    @TempDir
    static Path work;

    private static TransferServers servers;
    private static S3Client s3;

    private final StepHarness harness = new StepHarness();
    private Path knownHosts;

    @BeforeAll
    static void startServers() throws Exception {
        servers = new TransferServers(work);
        s3 = servers.s3();
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopServers() throws Exception {
        s3.close();
        servers.close();
    }

    @BeforeEach
    void storeKeys() throws Exception {
        harness.keys
                .put(SSH_KEY, servers.clientPrivateKey, "private")
                .put(WRONG_SSH_KEY, servers.otherPrivateKey, "private")
                .put(ACCESS_KEY_PATH, TransferServers.ACCESS_KEY.getBytes(StandardCharsets.UTF_8), "password")
                .put(SECRET_KEY_PATH, TransferServers.SECRET_KEY.getBytes(StandardCharsets.UTF_8), "password");
        knownHosts = Files.createTempDirectory(work, "ssh").resolve("known_hosts");
    }

    @AfterEach
    void disarm() {
        servers.dropSessionAfter(-1);
    }

    @Test
    void should_upload_a_small_file_in_one_verified_put() throws Exception {
        byte[] content = nodeFile("data/small.bin", 100_000);

        harness.run(new S3UploadStep(), upload("/data/small.bin", "uploads/"), node(SSH_KEY));

        assertArrayEquals(content, object("uploads/small.bin"));
        HeadObjectResponse head = head("uploads/small.bin");
        assertEquals(base64Sha256(content), head.checksumSHA256(), "S3 stored the SHA-256 the step sent");
        assertTrue(Files.readString(knownHosts).contains("[127.0.0.1]:" + servers.sshPort()), "accept-new recorded");
        assertSecretsNotLogged();
    }

    @Test
    void should_upload_a_large_file_in_checksummed_parts() throws Exception {
        byte[] content = nodeFile("data/large.bin", 12 * 1024 * 1024 + 123);
        Map<String, Object> config = upload("/data/large.bin", "large/large.bin");
        config.put("multipartThresholdMb", "5");
        config.put("partSizeMb", "5");

        harness.run(new S3UploadStep(), config, node(SSH_KEY));

        assertArrayEquals(content, object("large/large.bin"));
        String stored = head("large/large.bin").checksumSHA256();
        assertTrue(stored.endsWith("-3"), "a composite checksum of 3 parts: " + stored);
        ObjectDigest digest = new ObjectDigest(5 * 1024 * 1024);
        digest.update(content, 0, content.length);
        assertEquals(stored, digest.finish().s3Checksum(), "the download check computes S3's composite form");
        long progressLines = harness.logger.lines().stream()
                .filter(l -> l.level() == 2 && l.message().contains("%)"))
                .count();
        assertTrue(progressLines >= 3, "progress at normal level:\n" + harness.logger.text());
        assertSecretsNotLogged();
    }

    @Test
    void should_fail_with_RemoteFileMissing_and_store_nothing_when_the_file_is_absent() {
        NodeStepException e = assertThrows(
                NodeStepException.class,
                () -> harness.run(new S3UploadStep(), upload("/data/absent.log", "missing/"), node(SSH_KEY)));

        assertEquals(TransferFailure.RemoteFileMissing, e.getFailureReason());
        assertEquals("web-1", e.getNodeName());
        assertTrue(e.getMessage().contains("/data/absent.log"), e.getMessage());
        assertEquals(List.of(), keysUnder("missing/"));
    }

    @Test
    void should_fail_with_SshAuthFailed_when_the_node_refuses_the_key() throws Exception {
        nodeFile("data/auth.bin", 10);

        NodeStepException e = assertThrows(
                NodeStepException.class,
                () -> harness.run(new S3UploadStep(), upload("/data/auth.bin", "auth/"), node(WRONG_SSH_KEY)));

        assertEquals(TransferFailure.SshAuthFailed, e.getFailureReason());
        assertTrue(e.getMessage().contains(WRONG_SSH_KEY), e.getMessage());
        assertEquals(List.of(), keysUnder("auth/"));
    }

    @Test
    void should_fail_with_HostKeyRejected_when_strict_and_the_node_is_unknown() throws Exception {
        nodeFile("data/strict.bin", 10);
        Map<String, Object> config = upload("/data/strict.bin", "strict/");
        config.put("hostKeyChecking", "strict");

        NodeStepException e =
                assertThrows(NodeStepException.class, () -> harness.run(new S3UploadStep(), config, node(SSH_KEY)));

        assertEquals(TransferFailure.HostKeyRejected, e.getFailureReason());
        assertFalse(Files.exists(knownHosts), "strict never writes the known hosts file");
    }

    @Test
    void should_fail_with_BucketMissing_when_the_bucket_does_not_exist() throws Exception {
        nodeFile("data/nobucket.bin", 10);
        Map<String, Object> config = upload("/data/nobucket.bin", "");
        config.put("bucket", "no-such-bucket");

        NodeStepException e =
                assertThrows(NodeStepException.class, () -> harness.run(new S3UploadStep(), config, node(SSH_KEY)));

        assertEquals(TransferFailure.BucketMissing, e.getFailureReason());
        assertTrue(e.getMessage().contains("\"no-such-bucket\""), e.getMessage());
    }

    @Test
    void should_fail_with_ConnectionDropped_and_leave_no_object_or_upload_when_ssh_drops_mid_transfer()
            throws Exception {
        nodeFile("data/drop.bin", 12 * 1024 * 1024);
        Map<String, Object> config = upload("/data/drop.bin", "drop/drop.bin");
        config.put("multipartThresholdMb", "5");
        config.put("partSizeMb", "5");
        servers.dropSessionAfter(7L * 1024 * 1024);

        NodeStepException e =
                assertThrows(NodeStepException.class, () -> harness.run(new S3UploadStep(), config, node(SSH_KEY)));

        assertEquals(TransferFailure.ConnectionDropped, e.getFailureReason(), e.getMessage());
        assertEquals(List.of(), keysUnder("drop/"));
        assertEquals(
                List.of(),
                s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads(),
                "the multipart upload was aborted");
    }

    @Test
    void should_download_an_object_verify_it_and_rename_it_into_place() throws Exception {
        byte[] single = random(300_000, 7);
        String checksum = base64Sha256(single);
        s3.putObject(
                b -> b.bucket(BUCKET)
                        .key("releases/app.tar.gz")
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(checksum),
                RequestBody.fromBytes(single));
        Files.createDirectories(servers.nodeRoot.resolve("incoming"));

        harness.run(new S3DownloadStep(), download("releases/app.tar.gz", "/incoming/"), node(SSH_KEY));

        assertArrayEquals(single, Files.readAllBytes(servers.nodeRoot.resolve("incoming/app.tar.gz")));
        assertEquals(List.of("app.tar.gz"), listDir("incoming"), "no temp file left");
        assertTrue(harness.logger.text().contains("verified SHA-256"), harness.logger.text());
    }

    @Test
    void should_download_a_multipart_object_over_an_older_file_when_part_sizes_are_unknown() throws Exception {
        byte[] content = nodeFile("data/multi.bin", 11 * 1024 * 1024);
        Map<String, Object> config = upload("/data/multi.bin", "multi/multi.bin");
        config.put("multipartThresholdMb", "5");
        config.put("partSizeMb", "5");
        harness.run(new S3UploadStep(), config, node(SSH_KEY));
        Files.createDirectories(servers.nodeRoot.resolve("restore"));
        Files.writeString(servers.nodeRoot.resolve("restore/multi.bin"), "old contents");

        harness.run(new S3DownloadStep(), download("multi/multi.bin", "/restore/multi.bin"), node(SSH_KEY));

        assertArrayEquals(content, Files.readAllBytes(servers.nodeRoot.resolve("restore/multi.bin")));
        assertEquals(List.of("multi.bin"), listDir("restore"));
        assertTrue(harness.logger.text().contains("verifying its size only"), harness.logger.text());
    }

    @Test
    void should_fail_with_ObjectMissing_and_leave_no_file_when_the_key_does_not_exist() throws Exception {
        Files.createDirectories(servers.nodeRoot.resolve("empty"));

        NodeStepException e = assertThrows(
                NodeStepException.class,
                () -> harness.run(new S3DownloadStep(), download("nope/absent.bin", "/empty/"), node(SSH_KEY)));

        assertEquals(TransferFailure.ObjectMissing, e.getFailureReason());
        assertTrue(e.getMessage().contains("s3://transfers/nope/absent.bin"), e.getMessage());
        assertEquals(List.of(), listDir("empty"));
    }

    private Map<String, Object> upload(String sourcePath, String key) {
        Map<String, Object> config = common();
        config.put("sourcePath", sourcePath);
        config.put("key", key);
        return config;
    }

    private Map<String, Object> download(String key, String destination) {
        Map<String, Object> config = common();
        config.put("key", key);
        config.put("destinationPath", destination);
        return config;
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        config.put("bucket", BUCKET);
        config.put("endpoint", servers.s3Endpoint().toString());
        config.put("accessKeyIdStoragePath", ACCESS_KEY_PATH);
        config.put("secretAccessKeyStoragePath", SECRET_KEY_PATH);
        config.put("knownHostsFile", knownHosts.toString());
        config.put("connectTimeout", "5");
        return config;
    }

    private NodeEntryImpl node(String keyPath) {
        return harness.node("web-1", "127.0.0.1:" + servers.sshPort(), TransferServers.SSH_USER, keyPath);
    }

    private byte[] nodeFile(String relative, int size) throws Exception {
        byte[] content = random(size, relative.hashCode());
        Path file = servers.nodeRoot.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return content;
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] object(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    }

    private static HeadObjectResponse head(String key) {
        return s3.headObject(b -> b.bucket(BUCKET).key(key).checksumMode(ChecksumMode.ENABLED));
    }

    private static List<String> keysUnder(String prefix) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    private static List<String> listDir(String relative) throws Exception {
        try (Stream<Path> files = Files.list(servers.nodeRoot.resolve(relative))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String base64Sha256(byte[] content) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private void assertSecretsNotLogged() {
        String log = harness.logger.text();
        assertFalse(log.contains(TransferServers.SECRET_KEY), "secret key logged");
        assertFalse(log.contains(TransferServers.ACCESS_KEY), "access key id logged");
        assertFalse(log.contains("PRIVATE KEY"), "ssh key logged");
        assertTrue(harness.keys.reads() >= 3, "secrets came from Key Storage");
    }
}
