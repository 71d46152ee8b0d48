package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.read.Position;
import org.runbook.coauthor.validate.support.DestructiveCommands;
import org.runbook.coauthor.validate.support.OptionTaint;

/**
 * JK203: an {@code sh} script runs a destructive command (the SEC002 list: {@code terraform destroy},
 * {@code DROP DATABASE}, {@code kubectl delete namespace}, {@code rm -rf} on a system directory or
 * on a path from a parameter, …) and nothing before it makes a person confirm: no {@code input}
 * (directive or step) earlier in the file, and no confirmation parameter ({@code CONFIRM},
 * {@code APPROVE}, …) read before it, e.g. in the stage's {@code when}.
 */
public final class DestructiveStepRule extends JenkinsRule {
    private static final Pattern CONFIRM =
            Pattern.compile("(?i)confirm|approv|acknowledg|understand|are_?you_?sure|proceed|really|danger");
    private static final Pattern PLACEHOLDER = Pattern.compile("groovy_param_([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern ENV = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");

    @Override
    public String id() {
        return "JK203";
    }

    @Override
    public String title() {
        return "a destructive shell command runs without an input step or confirmation parameter";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        Map<String, Parameters.Parameter> params = Parameters.of(jenkinsfile);
        for (ShellBodies.Body body : ShellBodies.of(jenkinsfile)) {
            if (guarded(jenkinsfile, body.call())) {
                continue;
            }
            String masked = body.masked();
            OptionTaint taint = OptionTaint.of(masked, text -> inputs(text, params));
            Set<String> seen = new HashSet<>();
            for (DestructiveCommands.Hit hit :
                    DestructiveCommands.find(masked, taint, name -> fixed(params.get(name)))) {
                if (!seen.add(hit.command())) {
                    continue;
                }
                String from = hit.pathOptions().isEmpty()
                        ? ""
                        : " on a path taken from parameter " + String.join(", ", hit.pathOptions());
                reportInText(
                        defaultSeverity(),
                        body.value(),
                        body.prepared().originOf(hit.offset()),
                        "sh runs \"" + hit.command().replace("groovy_param_", "params.") + "\"" + from
                                + ", which is destructive, and nothing before it asks a person to confirm",
                        "add an input step (or a stage input directive) before it, or a required confirmation"
                                + " parameter checked in the stage's when");
            }
        }
    }

    private static boolean guarded(Jenkinsfile file, Call call) {
        Position at = call.position();
        boolean input = file.calls().stream()
                .anyMatch(c -> c.name().equals("input") && c.receiver().isEmpty() && before(c.position(), at));
        boolean confirm = file.paramRefs().stream()
                .anyMatch(r -> CONFIRM.matcher(r.name()).find() && before(r.position(), at));
        return input || confirm;
    }

    private static boolean before(Position a, Position b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
    }

    /** Parameters a piece of shell text reads: Groovy placeholders and {@code $NAME} of defined parameters. */
    private static Set<String> inputs(String text, Map<String, Parameters.Parameter> params) {
        Set<String> out = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        Matcher e = ENV.matcher(text);
        while (e.find()) {
            if (params.containsKey(e.group(1))) {
                out.add(e.group(1));
            }
        }
        return out;
    }

    private static boolean fixed(Parameters.Parameter p) {
        return p != null && (p.type().equals("booleanParam") || p.type().equals("choice"));
    }
}
