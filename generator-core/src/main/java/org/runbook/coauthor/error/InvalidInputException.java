package org.runbook.coauthor.error;

import java.util.List;

/**
 * An input file or value is not usable. Carries where the problem is and, when the input must be one
 * of a fixed set, the valid values. The caller should correct the input at that position.
 */
public class InvalidInputException extends NonRetriableException {
    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final List<String> validValues;

    public InvalidInputException(String message, SourcePosition position, List<String> validValues) {
        super(position == null ? message : position + ": " + message);
        this.position = position;
        this.validValues = validValues == null ? List.of() : List.copyOf(validValues);
    }

    public InvalidInputException(String message, SourcePosition position, Throwable cause) {
        super(position == null ? message : position + ": " + message, cause);
        this.position = position;
        this.validValues = List.of();
    }

    public SourcePosition position() {
        return position;
    }

    public List<String> validValues() {
        return validValues;
    }
}
