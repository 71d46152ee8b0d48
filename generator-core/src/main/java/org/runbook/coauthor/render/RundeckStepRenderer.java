package org.runbook.coauthor.render;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.RunOn;

/**
 * Maps one plan step to a Rundeck workflow step map. Command text keeps {@code ${option.x}}, which
 * Rundeck expands in commands; inline scripts use {@code @option.x@} tokens instead, because Rundeck
 * does not expand {@code ${...}} inside scripts and {@code $RD_OPTION_X} only reaches a remote node
 * when its sshd accepts those variables.
 */
final class RundeckStepRenderer {

    Map<String, Object> render(PlanStep step, boolean dispatch) {
        Map<String, Object> out = new TreeMap<>();
        switch (step.action()) {
            case COMMAND -> command(out, step.param("command"), step, dispatch);
            case SCRIPT -> script(out, step.param("script"));
            case COPY_FILE -> plugin(
                    out,
                    "copyfile",
                    true,
                    Map.of(
                            "sourcePath",
                            step.param("source"),
                            "destinationPath",
                            step.param("destination"),
                            "echo",
                            "true",
                            "recursive",
                            "false"));
            case S3_UPLOAD -> command(out, ActionShell.s3Upload(step), step, dispatch);
            case S3_DOWNLOAD -> command(out, ActionShell.s3Download(step), step, dispatch);
            case HTTP_REQUEST -> script(out, ActionShell.httpScript(step));
            case WAIT_UNTIL -> script(out, ActionShell.waitScript(step));
            case JOB_REF -> jobRef(out, step);
            case PLUGIN -> pluginStep(out, step);
        }
        out.put("description", step.title());
        if (step.onError() != null && !step.onError().isBlank()) {
            out.put("errorhandler", Map.of("exec", step.onError()));
        }
        return out;
    }

    private static void command(Map<String, Object> out, String command, PlanStep step, boolean dispatch) {
        if (dispatch && step.runOn() == RunOn.SERVER) {
            // Work meant for the server inside a node-dispatched job: run it locally, not over SSH.
            plugin(out, "localexec", true, Map.of("command", command));
        } else {
            out.put("exec", command);
        }
    }

    private static void script(Map<String, Object> out, String body) {
        out.put("script", ShellText.tidy(ShellText.PROLOGUE + toScriptTokens(body)) + "\n");
        out.put("fileExtension", ".sh");
    }

    /**
     * {@code ${option.x}} becomes {@code @option.x@}. Rundeck's token reader (5.x) treats any
     * whitespace-free run between two {@code @} as a token and blanks unknown ones, so a literal
     * {@code @} that another {@code @} follows before the next whitespace is escaped as {@code \@};
     * a lone {@code @}, as in {@code "$@"} or an e-mail address, is left readable.
     */
    static String toScriptTokens(String body) {
        final char literalAt = '\u0000';
        StringBuilder marked = new StringBuilder();
        Matcher m = OptionRefs.REF.matcher(body);
        int last = 0;
        while (m.find()) {
            marked.append(body.substring(last, m.start()).replace('@', literalAt))
                    .append("@option.")
                    .append(m.group(1))
                    .append('@');
            last = m.end();
        }
        marked.append(body.substring(last).replace('@', literalAt));
        StringBuilder out = new StringBuilder(marked.length() + 8);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c != literalAt) {
                out.append(c);
                continue;
            }
            boolean anotherAtFollows = false;
            for (int k = i + 1; k < marked.length() && !Character.isWhitespace(marked.charAt(k)); k++) {
                if (marked.charAt(k) == '@' || marked.charAt(k) == literalAt) {
                    anotherAtFollows = true;
                    break;
                }
            }
            out.append(anotherAtFollows ? "@@" : "@");
        }
        return out.toString();
    }

    private static void plugin(Map<String, Object> out, String type, boolean nodeStep, Map<String, String> config) {
        out.put("type", type);
        out.put("nodeStep", nodeStep);
        out.put("configuration", new TreeMap<>(config));
    }

    private static void pluginStep(Map<String, Object> out, PlanStep step) {
        Map<String, String> config = new TreeMap<>(step.params());
        String type = config.remove("type");
        String nodeStep = config.remove("node_step");
        plugin(out, type, !"false".equalsIgnoreCase(nodeStep), config);
    }

    private static void jobRef(Map<String, Object> out, PlanStep step) {
        Map<String, Object> ref = new TreeMap<>();
        ref.put("name", step.param("name"));
        ref.put("group", step.param("group"));
        if (!step.param("args").isBlank()) {
            ref.put("args", step.param("args"));
        }
        ref.put("nodeStep", step.runOn() == RunOn.NODES ? "true" : "false");
        out.put("jobref", ref);
    }
}
