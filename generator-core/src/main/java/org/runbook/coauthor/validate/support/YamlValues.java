package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.read.Position;

/** How messages describe a value, and how Rundeck's Groovy code would read it. */
public final class YamlValues {
    private YamlValues() {}

    /** {@code a map}, {@code a list}, {@code a string}, {@code a number}, {@code a boolean} or {@code empty}. */
    public static String typeName(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "missing";
        }
        if (v.isObject()) {
            return "a map";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isNumber()) {
            return "a number";
        }
        return v.isNull() ? "empty" : "a string";
    }

    /** The text Groovy makes of a map or list when Rundeck calls toString() on it, cut to 80 characters. */
    public static String groovyText(JsonNode v) {
        String s = groovy(v, new StringBuilder()).toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static StringBuilder groovy(JsonNode v, StringBuilder out) {
        if (out.length() > 200) {
            return out;
        }
        if (v.isObject()) {
            if (v.isEmpty()) {
                return out.append("[:]");
            }
            out.append('[');
            String sep = "";
            for (var it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                groovy(e.getValue(), out.append(sep).append(e.getKey()).append(':'));
                sep = ", ";
            }
            return out.append(']');
        }
        if (v.isArray()) {
            out.append('[');
            String sep = "";
            for (JsonNode x : v) {
                groovy(x, out.append(sep));
                sep = ", ";
            }
            return out.append(']');
        }
        return out.append(v.isNull() ? "null" : v.asText());
    }

    /** Whether the scalar at {@code pointer} is written in quotes (JSON strings always are). */
    public static boolean quoted(JobSource source, String pointer) {
        if (source.format().equals("json")) {
            return true;
        }
        Position at = source.valuePosition(pointer);
        String line = source.line(at.line());
        int i = at.column() - 1;
        return i >= 0 && i < line.length() && (line.charAt(i) == '\'' || line.charAt(i) == '"');
    }
}
