package org.runbook.coauthor.validate.jenkins.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.read.Position;
import org.runbook.coauthor.validate.support.ClosestName;

/**
 * JK009: a {@code post} block holds something other than Jenkins' conditions (always, changed,
 * fixed, regression, aborted, failure, success, unstable, unsuccessful, cleanup, notBuilt), names one
 * twice, or is empty.
 */
public final class PostConditionRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK009";
    }

    @Override
    public String title() {
        return "a post block has an unknown or repeated condition";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            List<Map.Entry<Node, String>> posts = new ArrayList<>();
            p.section("post").ifPresent(n -> posts.add(Map.entry(n, "the pipeline")));
            for (Stage s : p.allStages()) {
                s.section("post").ifPresent(n -> posts.add(Map.entry(n, s.label())));
                s.section("matrix")
                        .flatMap(m -> m.child("post"))
                        .ifPresent(n -> posts.add(Map.entry(n, "the matrix of " + s.label())));
            }
            posts.forEach(e -> post(e.getKey(), e.getValue()));
        }
    }

    private void post(Node post, String where) {
        if (post.body().isEmpty()) {
            report(
                    Severity.WARNING,
                    post.position(),
                    "the post block of " + where + " is empty",
                    "add a condition such as always { … } or remove it");
        }
        Map<String, Position> seen = new HashMap<>();
        for (Node c : post.body()) {
            if (!c.isCall() || !Grammar.POST_CONDITIONS.contains(c.name())) {
                report(
                        c.position(),
                        "\"" + c.name() + "\" is not a post condition of " + where,
                        ClosestName.of(c.name(), Grammar.POST_CONDITIONS)
                                .map(n -> "did you mean \"" + n + "\"?")
                                .orElse("use always, success, failure, unstable, unsuccessful, changed, fixed,"
                                        + " regression, aborted, notBuilt or cleanup"));
                continue;
            }
            Position first = seen.putIfAbsent(c.name(), c.position());
            if (first != null) {
                report(
                        c.position(),
                        "post condition \"" + c.name() + "\" of " + where
                                + " is given twice; previously defined at line " + first.line() + ", col "
                                + first.column(),
                        "merge the two blocks");
            }
        }
    }
}
