package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;

/**
 * RD006: an option without a name, or with characters Rundeck refuses in option names (anything
 * outside {@code [a-zA-Z_0-9.-]}): "Invalid Option definition: ... does not match the required
 * pattern".
 */
public final class InvalidOptionNameRule extends AbstractRule {
    static final Pattern VALID = Pattern.compile("[a-zA-Z_0-9.-]+");
    private static final Pattern INVALID_CHAR = Pattern.compile("[^a-zA-Z_0-9.-]");

    @Override
    public String id() {
        return "RD006";
    }

    @Override
    public String title() {
        return "option name missing or with characters Rundeck refuses";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitOption(JobView job, OptionView option) {
        if (!option.node().isObject()) {
            return; // RD003
        }
        boolean listForm = job.node().path("options").isArray();
        if (!listForm) {
            check(option.name(), option.pointer(), true);
            return;
        }
        String index = option.pointer().substring(option.pointer().lastIndexOf('/') + 1);
        JsonNode name = option.node().get("name");
        if (name == null || name.isNull()) {
            report(
                    option.pointer(),
                    "option " + (Integer.parseInt(index) + 1) + " has no \"name\"; Rundeck refuses it"
                            + " (\"Invalid Option definition\")",
                    "add \"name:\" with letters, digits, \"_\", \".\" or \"-\"");
        } else if (name.isValueNode()) {
            check(name.asText(), option.pointer("name"), false);
        }
    }

    private void check(String name, String pointer, boolean key) {
        String message;
        String hint;
        if (name.isBlank()) {
            message = "option name is blank; Rundeck refuses it (\"Invalid Option definition\")";
            hint = "give the option a name of letters, digits, \"_\", \".\" or \"-\"";
        } else if (!VALID.matcher(name).matches()) {
            Matcher bad = INVALID_CHAR.matcher(name);
            bad.find();
            String c = bad.group();
            message = "option name \"" + name + "\" contains \"" + (c.equals(" ") ? " " : c)
                    + "\"; Rundeck accepts only letters, digits, \"_\", \".\" and \"-\" in option names";
            String fixed = name.strip().replaceAll("[^a-zA-Z_0-9.-]+", "_");
            hint = "rename it to \"" + fixed + "\" and update the references to it";
        } else {
            return;
        }
        if (key) {
            reportKey(pointer, message, hint);
        } else {
            report(pointer, message, hint);
        }
    }
}
