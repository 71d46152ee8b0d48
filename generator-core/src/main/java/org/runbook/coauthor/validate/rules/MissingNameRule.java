package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;

/**
 * RD004: the job has no usable name. Rundeck refuses a missing or blank name ("Job Name was not
 * entered"), a name with a {@code /} ("Job Name cannot have a "/" character") and one longer than
 * 1024 characters.
 */
public final class MissingNameRule extends AbstractRule {
    static final int MAX_LENGTH = 1024;

    @Override
    public String id() {
        return "RD004";
    }

    @Override
    public String title() {
        return "job name missing, blank, too long or containing \"/\"";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode name = job.node().get("name");
        String which = "job " + (job.index() + 1);
        if (name == null || name.isNull()) {
            report(
                    job.pointer(),
                    which + " has no \"name\"; Rundeck refuses it: \"Job Name was not entered\"",
                    "add a name, e.g. \"name: restart-web\"");
            return;
        }
        if (!name.isValueNode()) {
            return; // RD003 reports a map or list
        }
        String text = name.asText();
        String pointer = job.pointer("name");
        if (text.isBlank()) {
            report(
                    pointer,
                    "the name of " + which + " is blank; Rundeck refuses it: \"Job Name was not entered\"",
                    "give the job a name");
        } else if (text.contains("/")) {
            int cut = text.lastIndexOf('/');
            String group = text.substring(0, cut).replaceAll("^/+|/+$", "");
            String last = text.substring(cut + 1);
            String hint = last.isBlank()
                    ? "remove the \"/\" from the name"
                    : "put the path in \"group\"" + (group.isEmpty() ? "" : " (\"" + group + "\")") + " and keep \""
                            + last + "\" as the name";
            report(
                    pointer,
                    "job name \"" + text
                            + "\" contains \"/\"; Rundeck refuses it: \"Job Name cannot have a \"/\" character\"",
                    hint);
        } else if (text.length() > MAX_LENGTH) {
            report(
                    pointer,
                    "job name is " + text.length() + " characters long; Rundeck accepts at most " + MAX_LENGTH,
                    "shorten the name and move details into \"description\"");
        }
    }
}
