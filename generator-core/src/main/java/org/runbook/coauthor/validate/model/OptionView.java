package org.runbook.coauthor.validate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbook.coauthor.validate.read.Pointers;

/** One job option as written. Boolean keys follow Rundeck's reading (see {@link #flag(String)}). */
public record OptionView(String name, JsonNode node, String pointer) {
    public String pointer(String key) {
        return Pointers.child(pointer, key);
    }

    /** A boolean key as Rundeck reads it: a real boolean, or the strings "true"/"false". */
    public boolean flag(String key) {
        JsonNode v = node.path(key);
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText(""));
    }

    public boolean secure() {
        return flag("secure");
    }

    public boolean required() {
        return flag("required");
    }

    public boolean enforced() {
        return flag("enforced");
    }

    public Optional<String> defaultValue() {
        JsonNode v = node.path("value");
        return v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    public Optional<String> regex() {
        JsonNode v = node.path("regex");
        return v.isValueNode() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** Allowed values, from a YAML list or Rundeck's comma-separated string form. */
    public List<String> values() {
        JsonNode v = node.path("values");
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (v.isValueNode() && !v.asText().isEmpty()) {
            for (String s : v.asText().split(node.path("valuesListDelimiter").asText(","))) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Whether the operator's input is constrained: enforced values, a remote values list, or a regex. */
    public boolean constrained() {
        boolean listed =
                enforced() && (!values().isEmpty() || node.has("valuesUrl") || node.has("optionValuesPluginType"));
        return listed || regex().isPresent();
    }
}
