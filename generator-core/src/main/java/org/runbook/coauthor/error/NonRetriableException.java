package org.runbook.coauthor.error;

/**
 * Trying again with the same input will fail the same way (bad input, missing configuration, a
 * reply that cannot be used). The caller should fix the input or configuration named in the message.
 */
public class NonRetriableException extends CoauthorException {
    private static final long serialVersionUID = 1L;

    public NonRetriableException(String message) {
        super(message);
    }

    public NonRetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
