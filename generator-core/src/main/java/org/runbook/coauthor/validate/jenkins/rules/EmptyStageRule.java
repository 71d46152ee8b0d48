package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;

/**
 * JK005: a stage that does nothing: no {@code steps}, {@code parallel}, {@code stages} or
 * {@code matrix}, more than one of them, or an empty {@code steps}, {@code stages} or {@code parallel}
 * block. Jenkins rejects all of these when it loads the pipeline.
 */
public final class EmptyStageRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK005";
    }

    @Override
    public String title() {
        return "a stage has no steps, or a steps, stages or parallel block is empty";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            p.section("stages").ifPresent(s -> empty(s, "the pipeline's stages block"));
            for (Stage s : p.allStages()) {
                long content = s.node().body().stream()
                        .filter(n -> n.isCall() && Grammar.STAGE_CONTENT.contains(n.name()))
                        .count();
                if (content == 0) {
                    report(
                            s.node().position(),
                            s.label() + " has no steps, parallel, stages or matrix",
                            "add \"steps { … }\" with at least one step, or remove the stage");
                } else if (content > 1) {
                    report(
                            s.node().position(),
                            s.label() + " has more than one of steps, parallel, stages and matrix; a stage holds"
                                    + " exactly one",
                            "split it into separate stages");
                }
                for (String section : new String[] {"steps", "stages", "parallel"}) {
                    s.section(section).ifPresent(n -> empty(n, "the " + section + " block of " + s.label()));
                }
            }
        }
    }

    private void empty(Node block, String what) {
        if (block.body().isEmpty()) {
            report(
                    block.position(),
                    what + " is empty",
                    block.name().equals("steps")
                            ? "add at least one step, e.g. echo 'nothing to do yet'"
                            : "add a stage");
        }
    }
}
