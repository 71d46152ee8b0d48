package org.runbook.coauthor.error;

/** A transient failure (timeout, rate limit, server error). The caller may retry after a back-off. */
public class RetriableException extends CoauthorException {
    private static final long serialVersionUID = 1L;

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }
}
