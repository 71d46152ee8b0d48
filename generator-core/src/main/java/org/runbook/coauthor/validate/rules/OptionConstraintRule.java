package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.BoundedRegex;

/**
 * RD012: an option definition Rundeck refuses when the job is saved ("Invalid Option definition"):
 * enforced without allowed values, a default outside the enforced values or not matching the
 * regex, a regex that does not compile, multivalued without a delimiter or with secure input, hidden
 * without a default, a storage path outside {@code keys/}, and required options on a scheduled job.
 */
public final class OptionConstraintRule extends AbstractRule {
    private static final Pattern STORAGE_PATH = Pattern.compile("^(/?)keys/.+");

    @Override
    public String id() {
        return "RD012";
    }

    @Override
    public String title() {
        return "option definition Rundeck refuses on save";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitOption(JobView job, OptionView option) {
        JsonNode o = option.node();
        if (!o.isObject()) {
            return;
        }
        String name = "option \"" + option.name() + "\"";
        List<String> values = values(o);
        String value = text(o, "value");
        boolean remote = !text(o, "valuesUrl").isEmpty()
                || !text(o, "optionValuesPluginType").isEmpty();
        boolean multivalued = option.flag("multivalued");
        String delimiter = text(o, "delimiter");
        Pattern regex = regex(option, name);
        if (option.enforced() && values.isEmpty() && !remote) {
            report(
                    option.pointer("enforced"),
                    name + " is enforced but has no \"values\", \"valuesUrl\" or \"optionValuesPluginType\";"
                            + " Rundeck refuses it: \"Allowed values (list or remote URL) must be specified if values are enforced\"",
                    "add the allowed values as \"values: [...]\" or drop \"enforced\"");
        }
        List<String> defaults = multivalued && !delimiter.isEmpty() && !value.isEmpty()
                ? List.of(value.split(Pattern.quote(delimiter), -1))
                : value.isEmpty() ? List.of() : List.of(value);
        // a comma string as "values" is ONE value to Rundeck; RD003 reports that, so do not pile on here
        boolean commaString = o.path("values").isTextual()
                && !source().format().equals("xml")
                && o.path("values")
                        .asText()
                        .contains(o.path("valuesListDelimiter").asText(","));
        if (option.enforced() && !values.isEmpty() && !remote && !commaString) {
            defaults.stream()
                    .filter(d -> !values.contains(d.strip()) && !values.contains(d))
                    .findFirst()
                    .ifPresent(d -> report(
                            option.pointer("value"),
                            "default value \"" + d + "\" of " + name + " is not in its enforced values "
                                    + quoted(values)
                                    + "; Rundeck refuses it: \"Default Value was not in the allowed values list, and values are enforced\"",
                            "make the default one of the allowed values"));
        }
        if (regex != null) {
            JsonNode vs = o.path("values");
            for (int i = 0; i < values.size(); i++) {
                if (!BoundedRegex.matches(regex, values.get(i))) {
                    String p = vs.isArray() ? Pointers.child(option.pointer("values"), i) : option.pointer("values");
                    report(
                            p,
                            "allowed value \"" + values.get(i) + "\" of " + name + " does not match its regex \""
                                    + regex.pattern() + "\"; Rundeck refuses it",
                            "change the value or the regex");
                }
            }
            if (!value.isEmpty()
                    && !BoundedRegex.matches(regex, value)
                    && !(multivalued && defaults.stream().allMatch(d -> BoundedRegex.matches(regex, d)))) {
                report(
                        option.pointer("value"),
                        "default value \"" + value + "\" of " + name + " does not match its regex \"" + regex.pattern()
                                + "\"; Rundeck refuses it",
                        "change the default or the regex");
            }
        }
        if (multivalued && delimiter.isEmpty()) {
            report(
                    option.pointer("multivalued"),
                    name + " is multivalued but has no \"delimiter\"; Rundeck refuses it:"
                            + " \"You must specify a delimiter for multivalued options\"",
                    "add delimiter: \",\"");
        }
        if (multivalued && option.secure()) {
            report(
                    option.pointer("secure"),
                    name + " is both secure and multivalued; Rundeck refuses it:"
                            + " \"Secure input cannot be used with multi-valued input\"",
                    "drop \"multivalued\" or \"secure\"");
        }
        if (option.flag("hidden") && value.isEmpty() && text(o, "storagePath").isEmpty()) {
            report(
                    option.pointer("hidden"),
                    name + " is hidden but has no default \"value\" or \"storagePath\"; Rundeck refuses it:"
                            + " \"Hidden options must have a default value or storage path.\"",
                    "add a default value or a storage path");
        }
        String storage = text(o, "storagePath");
        if (!storage.isEmpty() && !STORAGE_PATH.matcher(storage).matches()) {
            report(
                    option.pointer("storagePath"),
                    "storagePath \"" + storage + "\" of " + name + " is not under \"keys/\"; Rundeck refuses it",
                    "write it as \"keys/" + storage.replaceAll("^/+", "") + "\"");
        }
        if (job.node().path("schedule").isObject() && option.required()) {
            if (text(o, "type").equals("file")) {
                report(
                        option.pointer("required"),
                        name + " is a required file option but the job is scheduled; Rundeck refuses it:"
                                + " \"File option type cannot be Required when the Job is scheduled.\"",
                        "make the option optional or remove the schedule");
            } else if (value.isEmpty()
                    && storage.isEmpty()
                    && text(o, "valuesUrl").isEmpty()) {
                report(
                        option.pointer("required"),
                        name + " is required but has no default and the job is scheduled; Rundeck refuses it:"
                                + " \"Specify a Default Value for Required options when the Job is scheduled.\"",
                        "add a default \"value\"");
            }
        }
    }

    private Pattern regex(OptionView option, String name) {
        String regex = text(option.node(), "regex");
        if (regex.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            report(
                    option.pointer("regex"),
                    "regex \"" + regex + "\" of " + name + " does not compile (" + e.getDescription()
                            + "); Rundeck refuses it: \"Invalid Regular Expression\"",
                    "fix the regular expression (Java syntax)");
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Allowed values as Rundeck reads them: a YAML list, or a scalar as ONE value (XML splits on the delimiter). */
    private List<String> values(JsonNode o) {
        JsonNode v = o.path("values");
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else if (v.isValueNode() && !v.isNull() && !v.asText().isEmpty()) {
            if (source().format().equals("xml")) {
                for (String s : v.asText()
                        .split(Pattern.quote(o.path("valuesListDelimiter").asText(",")))) {
                    out.add(s.strip());
                }
            } else {
                out.add(v.asText());
            }
        }
        return out;
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }

    private static String quoted(List<String> values) {
        return values.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    }
}
