package org.runbook.coauthor.api;

/** The outcome of one generation. Only {@link #OK} yields an artifact fit to import. */
public enum GenerationStatus {
    /** Rendered and validated with no error finding. */
    OK,
    /** Rendered, but the validator found errors; the artifact must not be imported. */
    INVALID,
    /** Nothing in the catalog (or the model's answer) fits the request confidently. */
    NO_MATCH,
    /** The request asks for something that no guard makes safe. */
    REFUSED;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
