package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * Turns the JSON-schema validator's messages about a job document into the findings' grammar:
 * name the value, say what was found and what was expected ({@code "loglevel" is a list but must
 * be one of "DEBUG", ...}), with an imperative hint.
 */
public final class SchemaMessages {
    /** A translated message: where to report (a key position when {@code atKey}), the text and the fix. */
    public record Text(String pointer, boolean atKey, String message, String hint) {}

    private static final String SCHEMA_HINT =
            "fix the value so it matches the job definition format (job-schemas/src/main/resources/coauthor/schemas/rundeck-job.schema.json)";

    private static final Pattern YAML_PATH_PART = Pattern.compile("\\[([0-9]+)\\]|\\.([^.\\[]+)");

    private SchemaMessages() {}

    /** The JSON pointer of a validator path, e.g. {@code /0/sequence/commands/1}. */
    public static String pointer(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/')
                    .append(String.valueOf(path.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return out.toString();
    }

    /** {@code $[0].sequence.commands[1]} → {@code /0/sequence/commands/1} (keys with dots are not told apart). */
    public static String pointerOf(String yamlPath) {
        StringBuilder out = new StringBuilder();
        Matcher m = YAML_PATH_PART.matcher(yamlPath.startsWith("$") ? yamlPath.substring(1) : yamlPath);
        while (m.find()) {
            String part = m.group(1) != null ? m.group(1) : m.group(2);
            out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    /** The schema location after {@code #}, e.g. {@code /$defs/commandStep/oneOf}. */
    public static String fragment(ValidationMessage m) {
        String s = String.valueOf(m.getSchemaLocation());
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(hash + 1);
    }

    /** One message about the value at {@code pointer}; {@code node} is that value. */
    public static Text translate(ValidationMessage m, String pointer, JsonNode node) {
        String what = what(pointer);
        String frag = fragment(m);
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        switch (m.getType()) {
            case "type" -> {
                String expected = expected(args.length > 1 ? String.valueOf(args[1]) : "");
                if (pointer.isEmpty()) {
                    return new Text(
                            pointer,
                            false,
                            "the document is " + YamlValues.typeName(node) + " but Rundeck expects a list of jobs",
                            "start each job with \"- \" so the document is a YAML list");
                }
                return new Text(
                        pointer,
                        false,
                        what + " is " + YamlValues.typeName(node) + " but must be " + expected,
                        SCHEMA_HINT);
            }
            case "enum" -> {
                String found =
                        node.isValueNode() && !node.isNull() ? "\"" + node.asText() + "\"" : YamlValues.typeName(node);
                return new Text(
                        pointer,
                        false,
                        what + " is " + found + " but must be one of " + enumValues(m),
                        "use one of the listed values");
            }
            case "pattern" -> {
                return new Text(
                        pointer,
                        false,
                        what + " \"" + node.asText() + "\" does not match " + first(args)
                                + (pointer.endsWith("/uuid") || pointer.endsWith("/id") ? "; Rundeck refuses it" : ""),
                        SCHEMA_HINT);
            }
            case "minLength" -> {
                return new Text(pointer, false, what + " is empty", "give " + what + " a value or remove it");
            }
            case "maxLength" -> {
                return new Text(
                        pointer,
                        false,
                        what + " is " + node.asText().length() + " characters long but at most " + first(args)
                                + " are allowed",
                        "shorten it");
            }
            case "minimum" -> {
                return new Text(
                        pointer,
                        false,
                        what + " is " + node.asText() + " but must be at least " + first(args),
                        SCHEMA_HINT);
            }
            case "minItems" -> {
                return pointer.isEmpty()
                        ? new Text(pointer, false, "the document has no jobs", "add at least one job")
                        : new Text(pointer, false, what + " is empty", "add at least one item or remove " + what);
            }
            case "not" -> {
                return not(frag, pointer, node, what);
            }
            case "oneOf", "anyOf" -> {
                return new Text(pointer, false, what + " matches none of the forms Rundeck accepts", SCHEMA_HINT);
            }
            default -> {
                String text = m.getMessage();
                int colon = text.indexOf(": ");
                text = colon > 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
                return new Text(pointer, false, what + " " + text.replaceAll("\\.$", ""), SCHEMA_HINT);
            }
        }
    }

    /** One message for the {@code required} alternatives of one {@code anyOf}, e.g. a jobref without name and uuid. */
    public static Text noneOf(String pointer, List<String> properties) {
        String what = what(pointer);
        String names = properties.size() == 2
                ? "neither \"" + properties.get(0) + "\" nor \"" + properties.get(1) + "\""
                : "none of " + properties.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(", "));
        boolean jobref = pointer.endsWith("/jobref");
        return new Text(
                pointer,
                false,
                what + " has " + names + (jobref ? "; Rundeck refuses it: \"Job Name must be specified\"" : ""),
                jobref ? "name the job to run with \"name\" (and \"group\") or \"uuid\"" : "add one of them");
    }

    public static Text required(String pointer, String property) {
        return new Text(pointer, false, what(pointer) + " has no \"" + property + "\"", "add \"" + property + "\"");
    }

    private static Text not(String frag, String pointer, JsonNode node, String what) {
        if (frag.endsWith("/commandStep/allOf/0/then/not")) {
            List<String> ignored = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (List.of(
                                "args",
                                "scriptInterpreter",
                                "interpreterArgsQuoted",
                                "fileExtension",
                                "expandTokenInScriptFile",
                                "passSecureInput",
                                "autoSecureInput")
                        .contains(k)) {
                    ignored.add("\"" + k + "\"");
                }
            }
            String key = ignored.isEmpty() ? "" : ignored.get(0).replace("\"", "");
            return new Text(
                    Pointers.child(pointer, key),
                    true,
                    String.join(" and ", ignored) + " in " + what + (ignored.size() == 1 ? " is" : " are")
                            + " ignored: Rundeck applies script settings only to script steps, not to \"exec\"",
                    "put the arguments in the exec command line, or make the step a \"script\"");
        }
        if (frag.endsWith("/commandStep/allOf/1/then/not")) {
            return new Text(
                    Pointers.child(pointer, "expandTokenInScriptFile"),
                    true,
                    "\"expandTokenInScriptFile\" in " + what
                            + " is ignored: inline scripts always expand @...@ tokens; it applies to \"scriptfile\" and \"scripturl\"",
                    "remove \"expandTokenInScriptFile\"");
        }
        if (frag.endsWith("/errorHandler/allOf/1/not")) {
            return new Text(
                    Pointers.child(pointer, "errorhandler"),
                    true,
                    what + " has its own \"errorhandler\"; Rundeck ignores nested error handlers",
                    "remove the nested \"errorhandler\"");
        }
        return new Text(pointer, false, what + " combines keys Rundeck does not accept together", SCHEMA_HINT);
    }

    /** How messages name the value: {@code "loglevel"}, {@code "sequence.commands[1].description"}, {@code job 2}. */
    public static String what(String pointer) {
        if (pointer.isEmpty()) {
            return "the document";
        }
        String path = Pointers.yamlPath(pointer);
        String rel = path.replaceFirst("^\\$\\[[0-9]+\\]\\.?", "");
        if (rel.isEmpty()) {
            String index = path.replaceAll("[^0-9]", "");
            return "job " + (index.isEmpty() ? 1 : Long.parseLong(index) + 1);
        }
        return "\"" + rel + "\"";
    }

    private static String enumValues(ValidationMessage m) {
        JsonNode schema = m.getSchemaNode();
        if (schema != null && schema.isArray()) {
            List<String> out = new ArrayList<>();
            schema.forEach(v -> out.add(v.isTextual() ? "\"" + v.asText() + "\"" : v.toString()));
            return String.join(", ", out);
        }
        return first(m.getArguments() == null ? new Object[0] : m.getArguments())
                .replaceAll("^\\[|\\]$", "");
    }

    private static String expected(String types) {
        List<String> out = new ArrayList<>();
        for (String t : types.replaceAll("[\\[\\]]", "").split(",\\s*")) {
            out.add(
                    switch (t.strip()) {
                        case "object" -> "a map";
                        case "array" -> "a list";
                        case "string" -> "a string";
                        case "integer" -> "a whole number";
                        case "number" -> "a number";
                        case "boolean" -> "a boolean";
                        case "null" -> "empty";
                        default -> t.strip();
                    });
        }
        return out.size() == 1 && out.get(0).equals("a boolean")
                ? "true or false"
                : out.size() <= 1
                        ? String.join("", out)
                        : String.join(", ", out.subList(0, out.size() - 1)) + " or " + out.get(out.size() - 1);
    }

    private static String first(Object[] args) {
        return args.length == 0 ? "" : String.valueOf(args[0]);
    }
}
