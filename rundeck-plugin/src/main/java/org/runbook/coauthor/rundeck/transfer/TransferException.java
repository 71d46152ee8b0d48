package org.runbook.coauthor.rundeck.transfer;

/**
 * A transfer failure with its typed reason; the step turns it into a {@code NodeStepException}
 * naming the node.
 */
final class TransferException extends RuntimeException {
    private final TransferFailure failure;

    TransferException(TransferFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    TransferException(TransferFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    TransferFailure failure() {
        return failure;
    }
}
