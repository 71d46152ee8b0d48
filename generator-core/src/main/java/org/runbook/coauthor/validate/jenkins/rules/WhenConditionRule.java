package org.runbook.coauthor.validate.jenkins.rules;

import java.util.List;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.jenkins.model.Value;
import org.runbook.coauthor.validate.support.ClosestName;

/**
 * JK006: a {@code when} condition Jenkins does not know, or one of the wrong shape: {@code branch}
 * and {@code tag} without a pattern, {@code environment} without {@code name} and {@code value},
 * {@code equals} without {@code expected} and {@code actual}, {@code expression} without a closure,
 * {@code not} without exactly one condition, {@code allOf}/{@code anyOf} without any, a
 * {@code beforeAgent}-style flag that is not {@code true}/{@code false} or is nested, an empty
 * {@code when}.
 */
public final class WhenConditionRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK006";
    }

    @Override
    public String title() {
        return "a when condition is unknown or malformed";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            for (Stage s : p.allStages()) {
                s.section("when").ifPresent(w -> when(w, s.label()));
                s.section("matrix").flatMap(m -> m.child("when")).ifPresent(w -> when(w, "the matrix of " + s.label()));
            }
        }
    }

    private void when(Node when, String where) {
        if (when.body().stream().noneMatch(n -> n.isCall() && !Grammar.WHEN_FLAGS.contains(n.name()))) {
            report(
                    when.position(),
                    "the when block of " + where + " has no condition",
                    "add a condition such as branch 'main'");
        }
        conditions(when.body(), where, true);
    }

    private void conditions(List<Node> body, String where, boolean top) {
        for (Node c : body) {
            if (!c.isCall() && Grammar.WHEN_CONDITIONS.contains(c.name())) {
                report(
                        c.position(),
                        "when condition \"" + c.name() + "\" of " + where + " is given no value",
                        "give it its value, e.g. branch 'main' or expression { return true }");
                continue;
            }
            if (!c.isCall()) {
                report(
                        c.position(),
                        "when holds \"" + c.name() + "\", which is not a condition",
                        "wrap Groovy in expression { … }");
                continue;
            }
            if (!Grammar.WHEN_CONDITIONS.contains(c.name())) {
                report(
                        c.position(),
                        "\"" + c.name() + "\" is not a when condition of " + where,
                        ClosestName.of(c.name(), Grammar.WHEN_CONDITIONS)
                                .map(n -> "did you mean \"" + n + "\"?")
                                .orElse("use branch, tag, environment, equals, expression, changeset, changeRequest,"
                                        + " buildingTag, triggeredBy, not, allOf or anyOf"));
                continue;
            }
            shape(c, where, top);
        }
    }

    private void shape(Node c, String where, boolean top) {
        String problem = null;
        switch (c.name()) {
            case "branch", "tag", "changelog", "changeset" -> problem = hasText(c, "pattern")
                    ? null
                    : c.name().equals("tag") && c.args().isEmpty() && c.named().isEmpty()
                            ? null
                            : "needs a pattern, e.g. " + c.name() + " '"
                                    + (c.name().equals("changeset") ? "src/**" : "main") + "'";
            case "environment" -> problem =
                    c.named().containsKey("name") && c.named().containsKey("value")
                            ? null
                            : "needs name: and value:, e.g. environment name: 'DEPLOY', value: 'true'";
            case "equals" -> problem =
                    c.named().containsKey("expected") && c.named().containsKey("actual")
                            ? null
                            : "needs expected: and actual:, e.g. equals expected: 2, actual: currentBuild.number";
            case "expression" -> problem = c.hasBody() && !c.body().isEmpty()
                    ? null
                    : "needs a closure, e.g. expression { return params.DEPLOY }";
            case "triggeredBy" -> problem =
                    hasText(c, "cause") ? null : "needs a cause, e.g. triggeredBy 'TimerTrigger'";
            case "not" -> {
                problem = calls(c) == 1 ? null : "needs exactly one condition inside";
                conditions(c.body(), where, false);
            }
            case "allOf", "anyOf" -> {
                problem = calls(c) >= 1 ? null : "needs at least one condition inside";
                conditions(c.body(), where, false);
            }
            case "beforeAgent", "beforeInput", "beforeOptions" -> problem = !top
                    ? "can only stand directly in when, not inside not, allOf or anyOf"
                    : c.args().size() == 1 && c.args().get(0).kind() == Value.Kind.BOOLEAN
                            ? null
                            : "takes true or false";
            default -> {}
        }
        if (problem != null) {
            report(
                    c.position(),
                    "when condition \"" + c.name() + "\" of " + where + " " + problem,
                    "fix the condition: " + problem);
        }
    }

    private static boolean hasText(Node c, String key) {
        return !c.args().isEmpty() && c.args().get(0).isText()
                || c.named().containsKey(key) && c.named().get(key).isText();
    }

    private static long calls(Node c) {
        return c.body().stream().filter(Node::isCall).count();
    }
}
