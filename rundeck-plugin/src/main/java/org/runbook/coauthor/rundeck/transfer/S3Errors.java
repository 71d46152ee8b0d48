package org.runbook.coauthor.rundeck.transfer;

import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Maps AWS SDK exceptions to {@link TransferException}s that say what to fix. */
final class S3Errors {
    private static final Set<String> DENIED =
            Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled", "ExpiredToken");
    private static final Set<String> DIGEST = Set.of("BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch");

    private S3Errors() {}

    static TransferException map(SdkException e, String action, S3Target target) {
        if (e instanceof S3Exception s3) {
            return mapService(s3, action, target);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.contains("credentials")) {
            return new TransferException(
                    TransferFailure.ConfigurationError,
                    "no AWS credentials to " + action + " " + target.where() + " (" + message
                            + "); set accessKeyIdStoragePath and secretAccessKeyStoragePath or give the Rundeck"
                            + " server default credentials",
                    e);
        }
        return new TransferException(
                TransferFailure.S3Failed,
                "cannot " + action + " " + target.where() + ": " + message
                        + "; check the endpoint, the region and the network from the Rundeck server",
                e);
    }

    private static TransferException mapService(S3Exception e, String action, S3Target target) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? ""
                : e.awsErrorDetails().errorCode();
        if (e instanceof NoSuchBucketException || "NoSuchBucket".equals(code)) {
            return new TransferException(
                    TransferFailure.BucketMissing,
                    "bucket \"" + target.bucket() + "\" does not exist"
                            + (target.endpoint() == null ? "" : " at " + target.endpoint())
                            + "; create it or fix the bucket name",
                    e);
        }
        if (e instanceof NoSuchKeyException || "NoSuchKey".equals(code)) {
            return new TransferException(
                    TransferFailure.ObjectMissing,
                    "object " + target.uri() + " does not exist; check the key (keys are case-sensitive)",
                    e);
        }
        if (e.statusCode() == 403 || DENIED.contains(code)) {
            return new TransferException(
                    TransferFailure.AccessDenied,
                    "S3 denied " + action + " " + target.where() + " (" + code
                            + "); check the access key in Key Storage and its policy for bucket \""
                            + target.bucket() + "\"",
                    e);
        }
        if (DIGEST.contains(code)) {
            return new TransferException(
                    TransferFailure.ChecksumMismatch,
                    "S3 rejected the bytes for " + target.uri() + " because their SHA-256 did not match (" + code
                            + "); the data changed in transit, run the step again",
                    e);
        }
        return new TransferException(
                TransferFailure.S3Failed,
                "S3 failed to " + action + " " + target.where() + ": " + e.statusCode() + " " + code + " "
                        + (e.awsErrorDetails() == null
                                ? ""
                                : e.awsErrorDetails().errorMessage()),
                e);
    }
}
