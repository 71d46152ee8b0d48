package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.execution.workflow.steps.FailureReason;

/**
 * Why an S3 transfer step failed; Rundeck shows the name as the step's failure reason, so a job can
 * tell a wrong key from a dropped link without parsing messages.
 */
public enum TransferFailure implements FailureReason {
    /** The step configuration is incomplete or contradictory. */
    ConfigurationError,
    /** A Key Storage path is missing or the job user may not read it. */
    KeyStorageFailed,
    /** The node refused the SSH key (or the key could not be parsed). */
    SshAuthFailed,
    /** The node could not be reached over SSH (DNS, refused, timeout). */
    SshConnectFailed,
    /** The node's host key is unknown under a strict policy, or it changed. */
    HostKeyRejected,
    /** The file to upload does not exist on the node. */
    RemoteFileMissing,
    /** The node refused a file operation (permission, full disk, not a regular file). */
    RemoteFileFailed,
    /** The bucket does not exist. */
    BucketMissing,
    /** The object to download does not exist. */
    ObjectMissing,
    /** S3 refused the credentials or the operation. */
    AccessDenied,
    /** The bytes received do not match the size or SHA-256 they were expected to have. */
    ChecksumMismatch,
    /** The SSH connection dropped while bytes were moving. */
    ConnectionDropped,
    /** S3 could not be reached or answered with an unexpected error. */
    S3Failed,
    /** The thread running the step was interrupted (job killed). */
    Interrupted
}
