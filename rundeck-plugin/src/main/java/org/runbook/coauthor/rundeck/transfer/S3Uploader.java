package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.Constants;
import com.dtolabs.rundeck.plugins.PluginLogger;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Streams a {@link ByteSource} into one S3 object. Below the threshold the bytes are buffered (the
 * size is known and bounded) and sent in one PutObject; above it each part is buffered, hashed and
 * sent with UploadPart. Every request carries its SHA-256 so S3 verifies it, and a multipart upload
 * is aborted on any failure, so a reader never sees a short or partial object.
 */
final class S3Uploader {
    private final S3Client s3;
    private final S3Target target;
    private final PartSizing sizing;
    private final PluginLogger logger;

    S3Uploader(S3Client s3, S3Target target, PartSizing sizing, PluginLogger logger) {
        this.s3 = s3;
        this.target = target;
        this.sizing = sizing;
        this.logger = logger;
    }

    UploadResult upload(ByteSource source) {
        MessageDigest whole = Sha256.newDigest();
        TransferProgress progress = new TransferProgress(logger, "uploaded to " + target.uri(), source.size());
        int parts;
        if (source.size() < sizing.thresholdBytes()) {
            putSingle(source, whole, progress);
            parts = 1;
        } else {
            parts = putMultipart(source, whole, progress);
        }
        verifyStored(source.size());
        String hex = Sha256.hex(whole.digest());
        logger.log(
                Constants.INFO_LEVEL,
                "stored " + target.uri() + " (" + source.size() + " bytes, " + parts + (parts == 1 ? " part" : " parts")
                        + ", sha256 " + hex + ")");
        return new UploadResult(target.uri(), source.size(), hex, parts);
    }

    private void putSingle(ByteSource source, MessageDigest whole, TransferProgress progress) {
        byte[] buffer = new byte[Math.toIntExact(source.size())];
        fill(source, buffer, buffer.length, 0);
        expectEnd(source, buffer.length);
        whole.update(buffer);
        String checksum = Sha256.base64(Sha256.newDigest().digest(buffer));
        try {
            s3.putObject(
                    b -> b.bucket(target.bucket())
                            .key(target.key())
                            .contentLength((long) buffer.length)
                            .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                            .checksumSHA256(checksum),
                    RequestBody.fromBytes(buffer));
        } catch (SdkException e) {
            throw S3Errors.map(e, "write", target);
        }
        progress.advance(buffer.length);
    }

    private int putMultipart(ByteSource source, MessageDigest whole, TransferProgress progress) {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b ->
                            b.bucket(target.bucket()).key(target.key()).checksumAlgorithm(ChecksumAlgorithm.SHA256))
                    .uploadId();
        } catch (SdkException e) {
            throw S3Errors.map(e, "start a multipart upload to", target);
        }
        logger.log(
                Constants.VERBOSE_LEVEL,
                "multipart upload to " + target.uri() + " in parts of " + sizing.partSizeBytes() + " bytes");
        try {
            List<CompletedPart> completed = sendParts(source, uploadId, whole, progress);
            s3.completeMultipartUpload(b -> b.bucket(target.bucket())
                    .key(target.key())
                    .uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
            return completed.size();
        } catch (RuntimeException | Error e) {
            abort(uploadId, e);
            if (e instanceof SdkException sdk) {
                throw S3Errors.map(sdk, "write", target);
            }
            throw e;
        }
    }

    private List<CompletedPart> sendParts(
            ByteSource source, String uploadId, MessageDigest whole, TransferProgress progress) {
        byte[] buffer = new byte[sizing.partSizeBytes()];
        List<CompletedPart> completed = new ArrayList<>();
        long sent = 0;
        while (sent < source.size()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TransferException(
                        TransferFailure.Interrupted, "upload to " + target.uri() + " interrupted; nothing was kept");
            }
            int length = (int) Math.min(buffer.length, source.size() - sent);
            fill(source, buffer, length, sent);
            whole.update(buffer, 0, length);
            MessageDigest partDigest = Sha256.newDigest();
            partDigest.update(buffer, 0, length);
            String checksum = Sha256.base64(partDigest.digest());
            int partNumber = completed.size() + 1;
            String etag = s3.uploadPart(
                            b -> b.bucket(target.bucket())
                                    .key(target.key())
                                    .uploadId(uploadId)
                                    .partNumber(partNumber)
                                    .contentLength((long) length)
                                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                                    .checksumSHA256(checksum),
                            RequestBody.fromByteBuffer(ByteBuffer.wrap(buffer, 0, length)))
                    .eTag();
            completed.add(CompletedPart.builder()
                    .partNumber(partNumber)
                    .eTag(etag)
                    .checksumSHA256(checksum)
                    .build());
            sent += length;
            progress.advance(length);
        }
        expectEnd(source, sent);
        return completed;
    }

    private void abort(String uploadId, Throwable failure) {
        try {
            s3.abortMultipartUpload(
                    b -> b.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
            logger.log(Constants.VERBOSE_LEVEL, "aborted multipart upload to " + target.uri());
        } catch (SdkException e) {
            failure.addSuppressed(e);
            logger.log(
                    Constants.WARN_LEVEL,
                    "could not abort multipart upload " + uploadId + " to " + target.uri()
                            + "; a bucket lifecycle rule for incomplete uploads will clean it up: " + e.getMessage());
        }
    }

    private void verifyStored(long expected) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(
                    b -> b.bucket(target.bucket()).key(target.key()).checksumMode(ChecksumMode.ENABLED));
        } catch (SdkException e) {
            throw S3Errors.map(e, "check", target);
        }
        if (head.contentLength() == null || head.contentLength() != expected) {
            try {
                s3.deleteObject(b -> b.bucket(target.bucket()).key(target.key()));
            } catch (SdkException ignored) {
                // The mismatch below is the failure to report; the delete was a courtesy.
            }
            throw new TransferException(
                    TransferFailure.ChecksumMismatch,
                    "S3 stored " + head.contentLength() + " bytes for " + target.uri() + " but " + expected
                            + " were sent; the object was deleted, run the step again");
        }
    }

    private static void fill(ByteSource source, byte[] buffer, int length, long offset) {
        InputStream in = source.stream();
        int filled = 0;
        try {
            while (filled < length) {
                int n = in.read(buffer, filled, length - filled);
                if (n < 0) {
                    throw source.sizeChanged(offset + filled, false);
                }
                filled += n;
            }
        } catch (IOException e) {
            throw source.readFailed(e, offset + filled);
        }
    }

    private static void expectEnd(ByteSource source, long read) {
        try {
            if (source.stream().read() >= 0) {
                throw source.sizeChanged(read + 1, true);
            }
        } catch (IOException e) {
            throw source.readFailed(e, read);
        }
    }
}
