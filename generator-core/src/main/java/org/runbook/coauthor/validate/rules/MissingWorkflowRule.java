package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.JobKeyTable;

/**
 * RD005: the workflow is missing or a step does not say what it runs. Rundeck refuses a job
 * without steps ("Workflow must have at least one step") and a step that is neither a command, a
 * job reference nor a plugin; when a step names several kinds, {@code Workflow.fromMap} keeps the
 * first of jobref, exec, script, scriptfile, scripturl and silently drops the others.
 */
public final class MissingWorkflowRule extends AbstractRule {
    private static final String NO_STEP = "Rundeck refuses it: \"Workflow must have at least one step\"";

    @Override
    public String id() {
        return "RD005";
    }

    @Override
    public String title() {
        return "workflow without steps, or a step that is not exactly one kind";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode sequence = job.node().get("sequence");
        String which = job.name().isBlank() ? "job " + (job.index() + 1) : "job \"" + job.label() + "\"";
        if (sequence == null || sequence.isNull()) {
            report(
                    job.pointer(),
                    which + " has no \"sequence\"; " + NO_STEP,
                    "add \"sequence: {commands: [{exec: ...}]}\" with at least one step");
            return;
        }
        if (!sequence.isObject()) {
            return; // RD003
        }
        JsonNode commands = sequence.get("commands");
        if (commands == null || commands.isNull()) {
            report(
                    job.pointer("sequence"),
                    "\"sequence\" of " + which + " has no \"commands\"; " + NO_STEP,
                    "add \"commands:\" with at least one step");
        } else if (commands.isArray() && commands.isEmpty()) {
            report(
                    Pointers.child(job.pointer("sequence"), "commands"),
                    "\"commands\" of " + which + " is empty; " + NO_STEP,
                    "add at least one step");
        }
    }

    /** Whether an unknown key of the step is a misspelling of exec, script, jobref, type, ... */
    private static boolean misspelledKind(JsonNode step) {
        Set<String> known = new HashSet<>();
        for (JobKeyTable.Context c :
                List.of(JobKeyTable.COMMAND_STEP, JobKeyTable.JOBREF_STEP, JobKeyTable.PLUGIN_STEP)) {
            known.addAll(c.names());
        }
        for (Iterator<String> it = step.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)
                    && DidYouMean.closest(key, JobKeyTable.STEP_KINDS).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        JsonNode node = step.node();
        if (node.isNull()) {
            report(
                    step.pointer(),
                    step.label() + " is empty; Rundeck refuses a step that runs nothing",
                    "write the step, e.g. \"- exec: echo hello\", or remove the empty item");
            return;
        }
        if (!node.isObject()) {
            return; // RD003
        }
        List<String> kinds = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (String k : JobKeyTable.STEP_KINDS) {
            JsonNode v = node.get(k);
            if (v != null && !v.isNull()) {
                kinds.add(k);
            } else if (v != null) {
                empty.add(k);
            }
        }
        if (kinds.isEmpty()) {
            if (misspelledKind(node)) {
                return; // RD002 reports the misspelled key with a "did you mean"
            }
            if (!empty.isEmpty()) {
                report(
                        step.pointer(empty.get(0)),
                        "\"" + empty.get(0) + "\" of " + step.label()
                                + " is empty, so Rundeck cannot tell what the step runs and refuses it",
                        "give \"" + empty.get(0) + "\" a value");
            } else {
                report(
                        step.pointer(),
                        step.label() + " has none of \"exec\", \"script\", \"scriptfile\", \"scripturl\", \"jobref\""
                                + " or \"type\", so Rundeck cannot tell what it runs and refuses it",
                        "add \"exec: <command>\", \"script: |\" with a script, \"jobref: {name: ...}\" or a plugin \"type\"");
            }
            return;
        }
        String used = kinds.get(0);
        if (kinds.size() > 1) {
            List<String> dropped = kinds.subList(1, kinds.size());
            String names = dropped.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(" and "));
            reportKey(
                    step.pointer(dropped.get(0)),
                    step.label() + " sets both \"" + used + "\" and " + names + "; Rundeck runs only the \"" + used
                            + "\" and ignores " + names,
                    "split it into separate steps, one kind per step");
        }
        JsonNode v = node.get(used);
        if (v.isTextual() && v.asText().isBlank()) {
            String what = used.equals("type")
                    ? "Rundeck refuses a plugin step without a type"
                    : "Rundeck refuses it: \"A Remote command, inline script, or script file must be specified\"";
            report(
                    step.pointer(used),
                    "\"" + used + "\" of " + step.label() + " is empty; " + what,
                    "give \"" + used + "\" a value");
        }
    }
}
