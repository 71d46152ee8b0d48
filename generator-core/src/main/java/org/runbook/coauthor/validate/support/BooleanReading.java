package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How Rundeck reads a boolean that is not written as a YAML boolean. Some keys are tested for Groovy
 * truth ({@code if (data.keepgoing)}): any non-empty string is true, so a quoted {@code 'false'} is
 * true. Others are parsed ({@code x in ['true', true]}): only true or "true" is true.
 */
public final class BooleanReading {
    /** Plain YAML 1.1 words Rundeck's SnakeYAML reads as booleans (YAML 1.2, our reader, keeps them as text). */
    private static final Set<String> YAML11_BOOLS = Set.of("y", "yes", "n", "no", "on", "off");

    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "on", "y", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "off", "n", "0");

    private BooleanReading() {}

    /** What is wrong with a scalar read for Groovy truth, e.g. {@code is the string "false", which Rundeck reads as true}. */
    public static Optional<String> groovy(JsonNode value, boolean quoted) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || TRUE_WORDS.contains(text) || (!quoted && YAML11_BOOLS.contains(text))) {
            return Optional.empty();
        }
        return Optional.of(
                "is the string \"" + value.asText() + "\", which Rundeck reads as true (any non-empty string is true)");
    }

    /** What is wrong with a scalar Rundeck parses as {@code true}/{@code "true"}, e.g. {@code is "yes"; ... false}. */
    public static Optional<String> parsed(JsonNode value, boolean quoted) {
        if (value.isBoolean() || !(value.isTextual() || value.isNumber())) {
            return Optional.empty();
        }
        String text = value.asText().strip().toLowerCase(Locale.ROOT);
        if (text.equals("true")
                || text.equals("false")
                || (value.isTextual() && !quoted && YAML11_BOOLS.contains(text))) {
            return Optional.empty();
        }
        return Optional.of(
                "is \"" + value.asText() + "\"; Rundeck reads only true or \"true\" as true, so this is false");
    }

    /** The fix: the YAML boolean the author most likely meant. */
    public static String fix(String key, JsonNode value) {
        String text = value.asText("").strip().toLowerCase(Locale.ROOT);
        return "write " + key + ": "
                + (FALSE_WORDS.contains(text) ? "false without quotes" : "true or " + key + ": false");
    }
}
