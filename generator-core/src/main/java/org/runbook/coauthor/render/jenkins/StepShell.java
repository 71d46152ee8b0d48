package org.runbook.coauthor.render.jenkins;

import java.util.LinkedHashSet;
import java.util.Set;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.render.ActionShell;
import org.runbook.coauthor.render.ShellText;

/**
 * The shell a plan step runs, with its option references turned into the pipeline's environment
 * variables (see {@link ShellRefs}). The text is the same the Rundeck job runs, so both targets of a
 * plan behave alike; only the way values reach it differs.
 */
final class StepShell {
    /** The shell the pipeline logs in as on the nodes; set in the pipeline's environment block. */
    static final String SSH_USER = "SSH_USER";

    private final ParameterNames names;

    StepShell(ParameterNames names) {
        this.names = names;
    }

    /** Whether the step is shell at all; job references and plugin steps become pipeline steps. */
    static boolean isShell(PlanStep step) {
        return switch (step.action()) {
            case JOB_REF, PLUGIN -> false;
            default -> true;
        };
    }

    /**
     * The script that runs the step on the machine it is meant for (the node, or the agent for a
     * server step). A copy-file step has no such script: see {@link #copyToNode(PlanStep)}.
     */
    String script(PlanStep step) {
        String raw =
                switch (step.action()) {
                    case COMMAND -> step.param("command") + "\n";
                    case SCRIPT -> ShellText.PROLOGUE + ShellText.tidy(step.param("script")) + "\n";
                    case S3_UPLOAD -> ActionShell.s3Upload(step) + "\n";
                    case S3_DOWNLOAD -> ActionShell.s3Download(step) + "\n";
                    case HTTP_REQUEST -> ShellText.PROLOGUE + ActionShell.httpScript(step);
                    case WAIT_UNTIL -> ShellText.PROLOGUE + ActionShell.waitScript(step);
                    case COPY_FILE -> "cp -- " + ShellText.doubleQuoted(step.param("source")) + " "
                            + ShellText.doubleQuoted(step.param("destination")) + "\n";
                    case JOB_REF, PLUGIN -> throw new IllegalArgumentException(
                            "step \"" + step.id() + "\" (" + step.action() + ") is not a shell step");
                };
        return rewrite(raw);
    }

    /** The agent-side command that copies the step's file to the node in {@code $host}. */
    String copyToNode(PlanStep step) {
        return rewrite("scp -o BatchMode=yes -- " + ShellText.doubleQuoted(step.param("source")) + " \"${" + SSH_USER
                + "}@${host}:\"" + ShellText.doubleQuoted(step.param("destination")) + "\n");
    }

    /** The environment variable (and parameter name) of plan option {@code optionName}. */
    String variable(String optionName) {
        return names.of(optionName);
    }

    /** Shell text with the plan's references rewritten to environment variables. */
    String rewrite(String shell) {
        return ShellRefs.rewrite(shell, names::of);
    }

    /** The environment variables the step reads, in order of first use. */
    Set<String> variables(PlanStep step) {
        Set<String> out = new LinkedHashSet<>();
        step.params().values().forEach(v -> OptionRefs.in(v).forEach(o -> out.add(names.of(o))));
        return out;
    }

    /** Plan option names the step reads. */
    static Set<String> options(PlanStep step) {
        Set<String> out = new LinkedHashSet<>();
        step.params().values().forEach(v -> out.addAll(OptionRefs.in(v)));
        return out;
    }
}
