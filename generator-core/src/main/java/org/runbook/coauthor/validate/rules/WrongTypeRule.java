package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.BooleanReading;
import org.runbook.coauthor.validate.support.JobKeyTable;
import org.runbook.coauthor.validate.support.JobKeyTable.Kind;
import org.runbook.coauthor.validate.support.JobKeyTable.Place;
import org.runbook.coauthor.validate.support.YamlValues;

/**
 * RD003: a value of the wrong type where it matters: a map or list where Rundeck reads text, a
 * scalar where it needs a map or list, a step or option that is not a map, a comma string as the
 * allowed values, and quoted booleans that Rundeck tests for Groovy truth ({@code 'false'} is true).
 */
public final class WrongTypeRule extends AbstractRule {

    private static final Map<String, String> MAP_EXAMPLES = Map.of(
            "nodefilters", "nodefilters: {filter: \"tags: web\"}",
            "schedule", "schedule: {crontab: \"0 0 2 ? * *\"}",
            "errorhandler", "errorhandler: {exec: \"echo failed\"}",
            "jobref", "jobref: {name: \"other-job\"}",
            "sequence", "sequence: {commands: [{exec: \"echo hello\"}]}");

    @Override
    public String id() {
        return "RD003";
    }

    @Override
    public String title() {
        return "value of the wrong type, or a quoted boolean Rundeck misreads";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        for (Place place : JobKeyTable.places(job)) {
            for (Iterator<Map.Entry<String, JsonNode>> it = place.node().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Kind kind = place.context().keys().get(e.getKey());
                if (kind != null && !e.getValue().isNull()) {
                    check(place, e.getKey(), e.getValue(), kind);
                }
            }
        }
        JsonNode commands = job.node().path("sequence").path("commands");
        String base = Pointers.child(job.pointer("sequence"), "commands");
        for (int i = 0; commands.isArray() && i < commands.size(); i++) {
            JsonNode step = commands.get(i);
            if (!step.isObject() && !step.isNull()) {
                report(
                        Pointers.child(base, i),
                        "step " + (i + 1) + " is " + type(step) + " but must be a map such as {exec: ...}",
                        step.isTextual()
                                ? "write the step as \"- exec: " + step.asText() + "\""
                                : "write the step as a map");
            }
        }
        JsonNode options = job.node().path("options");
        options.fields().forEachRemaining(e -> {
            if (!e.getValue().isObject() && !e.getValue().isNull()) {
                report(
                        Pointers.child(job.pointer("options"), e.getKey()),
                        "option \"" + e.getKey() + "\" is " + type(e.getValue()) + " but must be a map of its settings",
                        "write it as " + e.getKey() + ": {value: ...}");
            }
        });
        for (int i = 0; options.isArray() && i < options.size(); i++) {
            JsonNode o = options.get(i);
            if (!o.isObject()) {
                report(
                        Pointers.child(job.pointer("options"), i),
                        "option " + (i + 1) + " is " + type(o) + " but must be a map with a \"name\"",
                        o.isTextual() ? "write it as \"- name: " + o.asText() + "\"" : "write it as a map");
            }
        }
    }

    private void check(Place place, String key, JsonNode value, Kind kind) {
        String pointer = Pointers.child(place.pointer(), key);
        String what = "\"" + key + "\" in " + place.where();
        switch (kind) {
            case TEXT, SCALAR -> {
                if (value.isContainerNode()) {
                    String hint = key.equals("args")
                            ? "write the arguments as one string, e.g. args: \"-x 1\""
                            : "write \"" + key + "\" as one value";
                    report(
                            pointer,
                            what + " is " + type(value) + " but must be "
                                    + (kind == Kind.TEXT ? "a string" : "a single value")
                                    + "; Rundeck would read it as the text \"" + YamlValues.groovyText(value) + "\"",
                            hint);
                }
            }
            case MAP -> {
                if (!value.isObject()) {
                    report(
                            pointer,
                            what + " is " + type(value) + " but must be a map",
                            MAP_EXAMPLES.containsKey(key)
                                    ? "write it as " + MAP_EXAMPLES.get(key)
                                    : "write \"" + key + "\" as a map of keys");
                }
            }
            case LIST -> list(place, key, value, pointer, what);
            case LIST_OR_MAP -> {
                if (!value.isContainerNode()) {
                    report(
                            pointer,
                            what + " is " + type(value) + " but must be a list",
                            "write each entry as a list item starting with \"- \"");
                }
            }
            case GROOVY_BOOL, PARSED_BOOL -> bool(key, value, pointer, what, kind);
            default -> {}
        }
    }

    private void list(Place place, String key, JsonNode value, String pointer, String what) {
        if (value.isArray()) {
            for (int i = 0; key.equals("values") && i < value.size(); i++) {
                if (value.get(i).isContainerNode()) {
                    report(
                            Pointers.child(pointer, i),
                            "item " + (i + 1) + " of " + what + " is " + type(value.get(i))
                                    + " but allowed values must be single values",
                            "write each allowed value as a string");
                }
            }
            return;
        }
        if (key.equals("values") && value.isValueNode()) {
            String delimiter = place.node().path("valuesListDelimiter").asText(",");
            String text = value.asText();
            if (!xml() && !delimiter.isEmpty() && text.contains(delimiter)) {
                report(
                        pointer,
                        what + " is the string \"" + text + "\"; Rundeck reads it as ONE allowed value, not a list",
                        "write the values as a YAML list: ["
                                + String.join(", ", text.split(java.util.regex.Pattern.quote(delimiter))) + "]");
            }
            return;
        }
        String hint = key.equals("commands")
                ? "write each step as a list item starting with \"- \""
                : "write \"" + key + "\" as a YAML list";
        report(pointer, what + " is " + type(value) + " but must be a list", hint);
    }

    private void bool(String key, JsonNode value, String pointer, String what, Kind kind) {
        if (value.isContainerNode()) {
            report(
                    pointer,
                    what + " is " + type(value) + " but must be true or false",
                    "write " + key + ": true or " + key + ": false");
        } else if (!xml()) {
            boolean quoted = YamlValues.quoted(source(), pointer);
            (kind == Kind.GROOVY_BOOL ? BooleanReading.groovy(value, quoted) : BooleanReading.parsed(value, quoted))
                    .ifPresent(problem -> report(pointer, what + " " + problem, BooleanReading.fix(key, value)));
        }
    }

    private boolean xml() {
        return source().format().equals("xml");
    }

    private static String type(JsonNode v) {
        return YamlValues.typeName(v);
    }
}
