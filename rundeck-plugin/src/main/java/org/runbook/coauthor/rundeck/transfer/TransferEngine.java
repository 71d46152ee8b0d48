package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.Constants;
import com.dtolabs.rundeck.plugins.PluginLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Moves one file between a node (SFTP) and S3 without holding more than one part in memory, and
 * only ever leaves complete, verified data behind: an upload is a single checked PutObject or an
 * aborted-on-failure multipart upload; a download is written to a hidden temp name next to the
 * destination and renamed only after its size and SHA-256 matched the object.
 */
final class TransferEngine {
    private static final int COPY_BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PluginLogger logger;

    TransferEngine(PluginLogger logger) {
        this.logger = logger;
    }

    UploadResult upload(SshTarget ssh, String remotePath, S3Target s3Target, PartSizing sizing) {
        try (S3Client s3 = S3Clients.create(s3Target)) {
            requireBucket(s3, s3Target);
            try (NodeSftp node = NodeSftp.connect(ssh)) {
                long size = node.size(remotePath);
                logger.log(
                        Constants.INFO_LEVEL,
                        "uploading \"" + remotePath + "\" (" + TransferProgress.human(size) + ") from node \""
                                + ssh.nodeName() + "\" to " + s3Target.where());
                InputStream in = node.open(remotePath);
                try {
                    return new S3Uploader(s3, s3Target, sizing, logger)
                            .upload(new NodeByteSource(node, ssh.nodeName(), remotePath, size, in));
                } finally {
                    closeQuietly(in);
                }
            }
        }
    }

    /** Where the object ended up on the node. */
    String download(SshTarget ssh, S3Target s3Target, String destinationPath) {
        String destination = destinationPath.endsWith("/")
                ? destinationPath + TransferPaths.fileName(s3Target.key())
                : destinationPath;
        try (S3Client s3 = S3Clients.create(s3Target)) {
            HeadObjectResponse head = head(s3, s3Target);
            long size = head.contentLength();
            String expected = head.checksumSHA256();
            long partSize = 0;
            if (expected != null && expected.contains("-")) {
                partSize = firstPartSize(s3, s3Target);
                if (partSize <= 0) {
                    logger.log(
                            Constants.INFO_LEVEL,
                            s3Target.uri() + " was uploaded in parts and the store does not tell their size;"
                                    + " verifying its size only");
                    expected = null;
                }
            }
            String temp = TransferPaths.tempSibling(destination, HexFormat.of().toHexDigits(RANDOM.nextInt()));
            logger.log(
                    Constants.INFO_LEVEL,
                    "downloading " + s3Target.where() + " (" + TransferProgress.human(size) + ") to \"" + destination
                            + "\" on node \"" + ssh.nodeName() + "\"");
            try (NodeSftp node = NodeSftp.connect(ssh)) {
                try {
                    ObjectDigest digest = new ObjectDigest(partSize);
                    long written = copy(s3, s3Target, head.eTag(), node, temp, digest, size);
                    verify(s3Target, destination, size, written, expected, digest.finish(), ssh.nodeName());
                    long onNode = node.size(temp);
                    if (onNode != size) {
                        throw new TransferException(
                                TransferFailure.ChecksumMismatch,
                                "node \"" + ssh.nodeName() + "\" holds " + onNode + " bytes in \"" + temp + "\" but "
                                        + size + " were sent; \"" + destination + "\" was left untouched, check the"
                                        + " free space and run the step again");
                    }
                    node.replace(temp, destination);
                } catch (RuntimeException | Error e) {
                    node.deleteQuietly(temp);
                    throw e;
                }
            }
            logger.log(Constants.INFO_LEVEL, "wrote \"" + destination + "\" on node \"" + ssh.nodeName() + "\"");
            return destination;
        }
    }

    private void requireBucket(S3Client s3, S3Target target) {
        try {
            s3.headBucket(b -> b.bucket(target.bucket()));
        } catch (NoSuchBucketException e) {
            throw S3Errors.map(e, "write", target);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw S3Errors.map(
                        NoSuchBucketException.builder().message(e.getMessage()).build(), "write", target);
            }
            // Upload-only policies often lack s3:ListBucket (403 here); the upload itself will tell.
        } catch (SdkException e) {
            throw S3Errors.map(e, "reach", target);
        }
    }

    private HeadObjectResponse head(S3Client s3, S3Target target) {
        try {
            return s3.headObject(
                    b -> b.bucket(target.bucket()).key(target.key()).checksumMode(ChecksumMode.ENABLED));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                // HEAD has no error body, so a missing bucket also looks like a missing key.
                requireBucket(s3, target);
            }
            throw S3Errors.map(e, "read", target);
        } catch (SdkException e) {
            throw S3Errors.map(e, "read", target);
        }
    }

    /** The size of part 1 (all parts but the last share it), or 0 when the store cannot say. */
    private long firstPartSize(S3Client s3, S3Target target) {
        try {
            Long size = s3.headObject(
                            b -> b.bucket(target.bucket()).key(target.key()).partNumber(1))
                    .contentLength();
            return size == null ? 0 : size;
        } catch (S3Exception e) {
            // S3 answers; some compatible stores (s3proxy, older MinIO) refuse part reads.
            logger.log(Constants.DEBUG_LEVEL, "part size of " + target.uri() + " unknown: " + e.getMessage());
            return 0;
        } catch (SdkException e) {
            throw S3Errors.map(e, "read", target);
        }
    }

    private long copy(
            S3Client s3, S3Target target, String eTag, NodeSftp node, String temp, ObjectDigest digest, long size) {
        TransferProgress progress = new TransferProgress(logger, "downloaded " + target.uri(), size);
        ResponseInputStream<GetObjectResponse> in;
        try {
            // If-Match keeps the bytes and the checksum from HEAD about the same object.
            in = s3.getObject(b -> b.bucket(target.bucket()).key(target.key()).ifMatch(eTag));
        } catch (SdkException e) {
            throw S3Errors.map(e, "read", target);
        }
        long written = 0;
        byte[] buffer = new byte[COPY_BUFFER];
        try (in) {
            OutputStream out = node.create(temp);
            try {
                while (true) {
                    int n = readS3(in, buffer, target);
                    if (n < 0) {
                        break;
                    }
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    written += n;
                    progress.advance(n);
                }
                out.close();
            } catch (IOException e) {
                in.abort();
                closeQuietly(out);
                if (!node.probe(temp)) {
                    throw node.dropped("writing \"" + temp + "\" after " + written + " bytes", e);
                }
                throw new TransferException(
                        TransferFailure.RemoteFileFailed,
                        "writing \"" + temp + "\" on the node failed after " + written + " bytes: " + e.getMessage()
                                + "; check the free space and permissions",
                        e);
            } catch (RuntimeException e) {
                in.abort();
                closeQuietly(out);
                throw e;
            }
        } catch (IOException e) {
            logger.log(Constants.DEBUG_LEVEL, "closing the S3 stream failed: " + e.getMessage());
        }
        return written;
    }

    private static int readS3(InputStream in, byte[] buffer, S3Target target) {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new TransferException(
                    TransferFailure.S3Failed,
                    "the connection to S3 dropped while reading " + target.uri() + ": " + e.getMessage()
                            + "; run the step again",
                    e);
        }
    }

    private void verify(
            S3Target target,
            String destination,
            long size,
            long written,
            String expected,
            ObjectDigest.Finished actual,
            String nodeName) {
        if (written != size) {
            throw new TransferException(
                    TransferFailure.ChecksumMismatch,
                    "S3 announced " + size + " bytes for " + target.uri() + " but sent " + written + "; \""
                            + destination + "\" on node \"" + nodeName + "\" was left untouched, run the step again");
        }
        if (expected == null) {
            logger.log(
                    Constants.VERBOSE_LEVEL,
                    target.uri() + " has no SHA-256 checksum in S3; verified its size only (sha256 " + actual.hex()
                            + ")");
            return;
        }
        if (!expected.equals(actual.s3Checksum())) {
            throw new TransferException(
                    TransferFailure.ChecksumMismatch,
                    "the SHA-256 of the bytes read from " + target.uri() + " (" + actual.s3Checksum()
                            + ") differs from the checksum S3 stored (" + expected + "); \"" + destination
                            + "\" on node \"" + nodeName + "\" was left untouched, run the step again");
        }
        logger.log(Constants.VERBOSE_LEVEL, "verified SHA-256 of " + target.uri() + " (" + actual.hex() + ")");
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing after a failure: the failure is what gets reported.
        }
    }
}
