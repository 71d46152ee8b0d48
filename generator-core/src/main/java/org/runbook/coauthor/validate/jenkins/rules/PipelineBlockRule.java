package org.runbook.coauthor.validate.jenkins.rules;

import java.util.List;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.read.Position;

/**
 * JK002: a Jenkinsfile holds exactly one declarative {@code pipeline} block, or is a scripted
 * pipeline (top-level steps such as {@code node { … }}). A file with neither, with two pipeline
 * blocks, or with a pipeline block next to a top-level {@code node} block is rejected by Jenkins.
 */
public final class PipelineBlockRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK002";
    }

    @Override
    public String title() {
        return "the file has no pipeline block, or more than one, or mixes pipeline and node";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean scripted() {
        return true;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        if (jenkinsfile.kind() == Jenkinsfile.Kind.NONE) {
            Position at = jenkinsfile.topLevel().isEmpty()
                    ? Position.START
                    : jenkinsfile.topLevel().get(0).position();
            report(
                    at,
                    "the file has no pipeline block; expected \"pipeline { … }\" (declarative) or \"node { … }\""
                            + " (scripted) at the top level",
                    "wrap the stages in \"pipeline { agent any; stages { … } }\"");
            return;
        }
        List<Pipeline> pipelines = jenkinsfile.pipelines();
        for (int i = 1; i < pipelines.size(); i++) {
            Position first = pipelines.get(0).node().position();
            report(
                    pipelines.get(i).node().position(),
                    "the file has a second pipeline block; previously defined at line " + first.line() + ", col "
                            + first.column(),
                    "keep one pipeline block per Jenkinsfile; move the other into its own file and job");
        }
        if (!pipelines.isEmpty()) {
            for (Node n : jenkinsfile.topLevel()) {
                if (n.isCall() && n.name().equals("node") && n.hasBody()) {
                    report(
                            n.position(),
                            "the file has both a declarative pipeline block and a scripted \"node\" block at the top"
                                    + " level",
                            "move the node block's steps into a stage, inside \"script { … }\" if they need Groovy");
                }
            }
        }
    }
}
