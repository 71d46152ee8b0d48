package org.runbook.coauthor.publish;

import org.runbook.coauthor.error.NonRetriableException;

/**
 * Rundeck answered the import call with an HTTP error (auth, not found, unsupported format, invalid
 * document, a redirect). Sending the same request again fails the same way: the caller should fix the
 * token, URL, project, API version or document that the message names.
 */
public class ImportRejectedException extends NonRetriableException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    /**
     * @param status the HTTP status
     * @param reason Rundeck's own error message, {@code ""} when the body had none
     */
    public ImportRejectedException(String message, int status, String reason) {
        super(message);
        this.status = status;
        this.reason = reason == null ? "" : reason;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    /** True for 401 and 403: the token is wrong, expired or lacks the job create/update permission. */
    public boolean isAuthFailure() {
        return status == 401 || status == 403;
    }
}
