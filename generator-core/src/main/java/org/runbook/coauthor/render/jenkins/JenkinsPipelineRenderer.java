package org.runbook.coauthor.render.jenkins;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.runbook.coauthor.plan.NodeSelector;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.PlanNotification;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.Provenance;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.Renderer;
import org.runbook.coauthor.render.ShellText;

/**
 * Renders a plan as a declarative Jenkinsfile. Options become parameters (secure ones become
 * credentials), each step a {@code sh} stage (node steps over SSH, see {@link NodeScript}), a
 * destructive plan a confirmation box, the plan's schedule a {@code cron} trigger (see
 * {@link CronTrigger}), and the plan's notifications {@code post} conditions.
 *
 * <p>Values only ever reach the shell as environment variables: every script is a single-quoted
 * Groovy string, so Groovy interpolates nothing, and parameters and secrets are read by the shell
 * as {@code "${NAME}"}. The output uses only core and widely installed steps (credentials-binding,
 * ssh-agent, mailer) and is deterministic.
 */
public final class JenkinsPipelineRenderer implements Renderer {
    /** Build time limit; the plan has no duration, so a generous bound that still stops a hung step. */
    static final int TIMEOUT_MINUTES = 60;

    /** The account on the nodes, a constant in the pipeline's environment that operators edit. */
    static final String DEFAULT_SSH_USER = "jenkins";

    @Override
    public Target target() {
        return Target.JENKINS;
    }

    @Override
    public String fileExtension() {
        return ".Jenkinsfile";
    }

    @Override
    public String render(RunbookPlan plan) {
        ParameterNames names = ParameterNames.of(plan);
        StepShell shell = new StepShell(names);
        boolean dispatch = plan.target().runOn() == RunOn.NODES;
        ParameterBlock.Extra hostsParam =
                dispatch ? hostsParameter(plan.target().nodes(), names) : null;
        String hosts = !dispatch
                ? null
                : hostsParam != null
                        ? "\"${" + hostsParam.name() + "}\""
                        : shell.rewrite(
                                ShellText.doubleQuoted(plan.target().nodes().value()));
        ParameterBlock parameters = new ParameterBlock(plan, names, hostsParam);
        Secrets secrets = new Secrets(plan, names);

        PipelineText out = new PipelineText();
        header(out, plan, hosts, secrets);
        out.open("pipeline");
        out.line("agent any");
        if (dispatch) {
            out.open("environment");
            out.line(GroovyText.comment("Account on the nodes; the SSH key is the credential "
                    + GroovyText.quoted(Secrets.SSH_CREDENTIALS) + "."));
            out.line(StepShell.SSH_USER + " = " + GroovyText.quoted(DEFAULT_SSH_USER));
            out.close();
        }
        out.open("options");
        out.line("timeout(time: " + TIMEOUT_MINUTES + ", unit: 'MINUTES')");
        out.line("buildDiscarder(logRotator(numToKeepStr: '50'))");
        out.line("disableConcurrentBuilds()");
        out.close();
        if (!parameters.isEmpty()) {
            parameters.write(out);
        }
        CronTrigger.write(out, plan);
        out.open("stages");
        Set<String> taken = new LinkedHashSet<>();
        String check = parameters.checkScript();
        if (!check.isEmpty()) {
            taken.add("Check parameters");
            out.open("stage('Check parameters')").open("steps");
            sh(out, "Check parameters", check);
            out.close().close();
        }
        String confirm = parameters.confirm();
        if (confirm != null) {
            taken.add("Confirm");
            out.open("stage('Confirm')");
            out.line("when { expression { return !params." + confirm + " } }");
            out.open("steps");
            out.line("error("
                    + GroovyText.quoted("Not confirmed: run the pipeline again with " + confirm + " ticked to go ahead")
                    + ")");
            out.close().close();
        }
        Notifications notifications = new Notifications(plan.notifications());
        if (notifications.has("start")) {
            taken.add("Notify start");
            out.open("stage('Notify start')").open("steps");
            notifications.write(out, "start");
            out.close().close();
        }
        StageWriter stages = new StageWriter(shell, secrets, hosts, confirm);
        for (StageGroups.Group group : StageGroups.of(plan.steps(), dispatch, taken)) {
            stages.write(out, group);
        }
        out.close();
        out.open("post");
        out.open("always");
        out.line("echo(" + GroovyText.quoted("Runbook \"" + plan.name() + "\" finished") + ")");
        out.close();
        if (notifications.has("success")) {
            out.open("success");
            notifications.write(out, "success");
            out.close();
        }
        out.open("failure");
        out.line("echo("
                + GroovyText.quoted("Runbook \"" + plan.name() + "\" failed; the log of the failed stage says why")
                + ")");
        notifications.write(out, "failure");
        out.close();
        out.close();
        out.close();
        return out.toString();
    }

    /** A host list parameter, when the node selector is not simply the value of options. */
    private static ParameterBlock.Extra hostsParameter(NodeSelector selector, ParameterNames names) {
        boolean byName =
                selector.attribute().equals("name") || selector.attribute().equals("hostname");
        if (byName && !OptionRefs.in(selector.value()).isEmpty()) {
            return null;
        }
        return new ParameterBlock.Extra(
                names.fresh("HOSTS"),
                "Comma-separated hosts to run on (the runbook targets the nodes matching " + selector.attribute() + ": "
                        + selector.value() + "). Required.");
    }

    static void sh(PipelineText out, String label, String script) {
        out.statement("sh(label: " + GroovyText.quoted(label) + ", script: " + GroovyText.script(script) + ")");
    }

    private static void header(PipelineText out, RunbookPlan plan, String hosts, Secrets secrets) {
        Provenance p = plan.provenance();
        StringBuilder by = new StringBuilder("Generated by Runbook Co-author (").append(p.author());
        if (p.model() != null) {
            by.append(", model ").append(p.model());
        }
        by.append(')');
        if (!p.blocks().isEmpty()) {
            by.append(" from catalog blocks ").append(String.join(", ", p.blocks()));
        }
        if (p.promptHash() != null) {
            by.append(", prompt sha256 ").append(p.promptHash());
        }
        out.line(GroovyText.comment(by + "."));
        out.line(GroovyText.comment("Runbook: " + plan.name()
                + (plan.group() == null || plan.group().isBlank() ? "" : " (" + plan.group() + ")")));
        plan.description().strip().lines().forEach(l -> out.line(GroovyText.comment("  " + l)));
        out.line(GroovyText.comment("Risk: " + plan.risk()
                + (plan.risk() == Risk.DESTRUCTIVE ? "; it runs only when the operator ticks the confirmation" : "")));
        if (hosts != null) {
            out.line(GroovyText.comment("Nodes: the comma-separated hosts in " + hosts + ", one at a time over SSH as $"
                    + StepShell.SSH_USER + " with credential "
                    + GroovyText.quoted(Secrets.SSH_CREDENTIALS) + " (ssh-agent plugin)."));
        }
        List<PlanOption> secret = secrets.all();
        if (!secret.isEmpty()) {
            out.line(GroovyText.comment(
                    "Secrets are \"Secret text\" credentials (id from the option's Key Storage path):"));
            secret.forEach(o -> out.line(GroovyText.comment("  " + o.name() + " -> " + Secrets.credentialsId(o))));
        }
        out.line(GroovyText.comment("Review it before running it in production."));
    }

    /** Plan notifications as post-condition steps: mail for e-mail, curl for webhooks. */
    private record Notifications(List<PlanNotification> all) {
        boolean has(String trigger) {
            return all.stream().anyMatch(n -> n.trigger().equalsIgnoreCase(trigger));
        }

        void write(PipelineText out, String trigger) {
            for (PlanNotification n : all) {
                if (!n.trigger().equalsIgnoreCase(trigger)) {
                    continue;
                }
                if (n.channel().equalsIgnoreCase("email")) {
                    out.line("mail(to: " + GroovyText.quoted(n.target()) + ", subject: 'Runbook ' + env.JOB_NAME + ' #'"
                            + " + env.BUILD_NUMBER + ': " + trigger + "', body: 'Build: ' + env.BUILD_URL)");
                } else {
                    sh(
                            out,
                            "Notify " + n.target(),
                            ShellText.PROLOGUE
                                    + "curl -fsS --max-time 30 -X POST --data-urlencode \"job=${JOB_NAME}\""
                                    + " --data-urlencode \"build=${BUILD_NUMBER}\" --data-urlencode 'status=" + trigger
                                    + "'"
                                    + " --data-urlencode \"url=${BUILD_URL:-}\" --url "
                                    + ShellText.singleQuoted(n.target())
                                    + " || echo 'the webhook did not answer' >&2\n");
                }
            }
        }
    }

    static Set<String> optionsOf(List<PlanStep> steps) {
        Set<String> out = new LinkedHashSet<>();
        steps.forEach(s -> out.addAll(StepShell.options(s)));
        return out;
    }
}
