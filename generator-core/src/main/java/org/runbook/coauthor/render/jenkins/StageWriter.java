package org.runbook.coauthor.render.jenkins;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.render.ShellText;

/**
 * Writes one stage: the destructive guard, the SSH agent for node work, the credentials its steps
 * read, then the steps themselves.
 */
final class StageWriter {
    /** A Rundeck job-reference argument: {@code -name value}, the value optionally double-quoted. */
    private static final Pattern JOB_ARG = Pattern.compile("-([A-Za-z_][A-Za-z0-9_.-]*)\\s+(\"[^\"]*\"|\\S+)");
    /** A single pipeline-step call from a catalog block's Jenkins override, e.g. {@code junit 'x.xml'}. */
    private static final Pattern STEP_CALL = Pattern.compile("[a-z][A-Za-z0-9]*(\\s*\\(.*\\)|\\s+.*)?");

    private final StepShell shell;
    private final Secrets secrets;
    private final String hosts;
    private final String confirm;
    private final NodeScript nodeScript;

    StageWriter(StepShell shell, Secrets secrets, String hosts, String confirm) {
        this.shell = shell;
        this.secrets = secrets;
        this.hosts = hosts;
        this.confirm = confirm;
        this.nodeScript = new NodeScript(shell);
    }

    void write(PipelineText out, StageGroups.Group group) {
        out.open("stage(" + GroovyText.quoted(group.name()) + ")");
        if (group.risk() == Risk.DESTRUCTIVE && confirm != null) {
            out.line("when { expression { return params." + confirm + " } }");
        }
        out.open("steps");
        int opened = 0;
        if (group.onNodes()) {
            out.open("sshagent(credentials: [" + GroovyText.quoted(Secrets.SSH_CREDENTIALS) + "])");
            opened++;
        }
        List<PlanOption> bound = secrets.among(JenkinsPipelineRenderer.optionsOf(group.steps()));
        if (!bound.isEmpty()) {
            out.open(secrets.binding(bound));
            opened++;
        }
        if (group.onNodes()) {
            JenkinsPipelineRenderer.sh(out, group.name(), nodeScript.script(group.steps(), hosts));
        } else {
            for (PlanStep step : group.steps()) {
                local(out, step);
            }
        }
        for (int i = 0; i < opened; i++) {
            out.close();
        }
        out.close();
        String handler = group.onNodes() ? null : group.steps().get(0).onError();
        if (handler != null && !handler.isBlank()) {
            out.open("post").open("failure");
            JenkinsPipelineRenderer.sh(out, "On error", ShellText.PROLOGUE + shell.rewrite(handler + "\n"));
            out.close().close();
        }
        out.close();
    }

    private void local(PipelineText out, PlanStep step) {
        switch (step.action()) {
            case JOB_REF -> jobRef(out, step);
            case PLUGIN -> plugin(out, step);
            default -> {
                String script = shell.script(step);
                JenkinsPipelineRenderer.sh(
                        out, step.title(), script.startsWith("#!") ? script : ShellText.PROLOGUE + script);
            }
        }
    }

    /** A Rundeck job reference becomes a {@code build} of the Jenkins job of the same path. */
    private void jobRef(PipelineText out, PlanStep step) {
        String group = step.param("group").strip();
        String job = (group.isEmpty() ? "" : group + "/") + step.param("name").strip();
        Map<String, String> args = new TreeMap<>();
        Matcher m = JOB_ARG.matcher(step.param("args"));
        while (m.find()) {
            String value = m.group(2);
            args.put(m.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        StringBuilder call = new StringBuilder("build(job: ").append(GroovyText.quoted(job));
        if (!args.isEmpty()) {
            call.append(", parameters: [");
            String sep = "";
            for (Map.Entry<String, String> a : args.entrySet()) {
                call.append(sep)
                        .append("string(name: ")
                        .append(GroovyText.quoted(a.getKey()))
                        .append(", value: ")
                        .append(groovyValue(a.getValue()))
                        .append(')');
                sep = ", ";
            }
            call.append(']');
        }
        out.line(call.append(", wait: true, propagate: true)").toString());
    }

    /** A value with option references as Groovy concatenation of literals and {@code params.X}: no interpolation. */
    private String groovyValue(String value) {
        StringBuilder out = new StringBuilder();
        Matcher m = OptionRefs.REF.matcher(value);
        int last = 0;
        String sep = "";
        while (m.find()) {
            out.append(sep).append(GroovyText.quoted(value.substring(last, m.start())));
            out.append(" + params.").append(shell.variable(m.group(1)));
            sep = " + ";
            last = m.end();
        }
        if (last < value.length() || out.length() == 0) {
            out.append(sep).append(GroovyText.quoted(value.substring(last)));
        }
        return out.toString();
    }

    /**
     * A catalog block's Jenkins step is written as it stands when it is one call; anything else
     * (a Rundeck plugin type) has no Jenkins equivalent, and the stage says so by failing.
     */
    private static void plugin(PipelineText out, PlanStep step) {
        String call = step.param("call").strip();
        if ("jenkins-step".equals(step.param("type"))
                && !call.contains("\n")
                && STEP_CALL.matcher(call).matches()) {
            out.line(call);
            return;
        }
        out.line("error("
                + GroovyText.quoted("step \"" + step.title() + "\" uses the Rundeck plugin \"" + step.param("type")
                        + "\", which has no Jenkins equivalent; replace this stage")
                + ")");
    }
}
