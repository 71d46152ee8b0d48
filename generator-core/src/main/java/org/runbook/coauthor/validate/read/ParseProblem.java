package org.runbook.coauthor.validate.read;

/**
 * The text cannot be read as a job document. Carries where reading stopped; the validator turns it
 * into an RD000 finding, so a broken file is reported, never thrown at the user.
 */
public final class ParseProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Position position;

    public ParseProblem(String message, Position position) {
        super(message);
        this.position = position == null ? Position.START : position;
    }

    public Position position() {
        return position;
    }
}
