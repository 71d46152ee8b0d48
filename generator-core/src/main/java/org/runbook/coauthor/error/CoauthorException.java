package org.runbook.coauthor.error;

/** The one unchecked root of the co-author's exceptions: something could not run. */
public class CoauthorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CoauthorException(String message) {
        super(message);
    }

    public CoauthorException(String message, Throwable cause) {
        super(message, cause);
    }
}
