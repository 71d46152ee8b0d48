package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;

/** JK003: a declarative pipeline needs an {@code agent} and a {@code stages} section. */
public final class MissingAgentOrStagesRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK003";
    }

    @Override
    public String title() {
        return "the pipeline block has no agent or no stages";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            if (p.section("agent").isEmpty()) {
                report(
                        p.node().position(),
                        "the pipeline block has no agent; Jenkins needs one to know where the stages run",
                        "add \"agent any\" (or \"agent none\" with an agent in every stage)");
            }
            if (p.section("stages").isEmpty()) {
                report(
                        p.node().position(),
                        "the pipeline block has no stages section",
                        "add \"stages { stage('Build') { steps { … } } }\"");
            }
        }
    }
}
