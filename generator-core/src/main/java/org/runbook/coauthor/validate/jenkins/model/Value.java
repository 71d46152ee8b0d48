package org.runbook.coauthor.validate.jenkins.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbook.coauthor.validate.read.Position;

/**
 * A Groovy expression as the declarative model keeps it: constants with their value, strings with
 * Groovy interpolation split into parts, lists, maps and anything else as its source text.
 *
 * <pre>{@code
 * sh "deploy ${params.BRANCH}"   // GSTRING, parts: "deploy " and params.BRANCH (interpolated)
 * }</pre>
 *
 * @param text a string's value; for {@link Kind#GSTRING} the parts joined with {@code ${…}} around
 *     interpolated ones; for other kinds the expression's source text
 * @param position where the expression starts (the opening quote of a string)
 * @param parts for {@link Kind#GSTRING}: literal and interpolated parts in order; empty otherwise
 */
public record Value(
        Kind kind, String text, Position position, List<Part> parts, List<Value> items, Map<String, Value> entries) {
    /** What kind of expression. */
    public enum Kind {
        /** A string without Groovy interpolation (single-quoted, or double-quoted without {@code $}). */
        STRING,
        /** A double-quoted string with interpolation, or strings joined with {@code +}. */
        GSTRING,
        NUMBER,
        BOOLEAN,
        NULL,
        LIST,
        MAP,
        CLOSURE,
        /** A variable, property, method call or anything else, kept as source text. */
        EXPRESSION
    }

    /**
     * A piece of an interpolated string.
     *
     * @param interpolated true for an expression Groovy evaluates, e.g. {@code params.BRANCH}
     */
    public record Part(String text, boolean interpolated) {}

    public Value {
        parts = List.copyOf(parts);
        items = List.copyOf(items);
        entries = Map.copyOf(entries);
    }

    public static Value of(Kind kind, String text, Position position) {
        return new Value(kind, text, position, List.of(), List.of(), Map.of());
    }

    /** Whether this is text (plain or interpolated). */
    public boolean isText() {
        return kind == Kind.STRING || kind == Kind.GSTRING;
    }

    /** The string value, when this is a plain string. */
    public Optional<String> string() {
        return kind == Kind.STRING ? Optional.of(text) : Optional.empty();
    }

    /** The interpolated parts' source texts (e.g. {@code params.BRANCH}); empty unless {@link Kind#GSTRING}. */
    public List<String> interpolations() {
        return parts.stream().filter(Part::interpolated).map(Part::text).toList();
    }
}
