package org.runbook.coauthor.author;

import java.util.List;
import org.runbook.coauthor.error.NonRetriableException;

/**
 * Nothing the author knows fits the request confidently. Rephrase the request, pick a category, or
 * use an LLM provider; {@link #nearest()} lists what came closest.
 */
public class NoConfidentMatchException extends NonRetriableException {
    private static final long serialVersionUID = 1L;

    private final List<String> nearest;

    public NoConfidentMatchException(String message, List<String> nearest) {
        super(message);
        this.nearest = List.copyOf(nearest);
    }

    /** The closest candidates, best first, each as "id: title (score)". */
    public List<String> nearest() {
        return nearest;
    }
}
