package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.PipeToShell;

/**
 * JK204: an {@code sh} script runs whatever a download returns ({@code curl … | sh},
 * {@code bash <(curl …)}, …), as SEC003 finds it in Rundeck jobs.
 */
public final class PipeToShellStepRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK204";
    }

    @Override
    public String title() {
        return "an sh script pipes a download straight into a shell";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (ShellBodies.Body body : ShellBodies.of(jenkinsfile)) {
            PipeToShell.find(body.masked())
                    .ifPresent(hit -> reportInText(
                            defaultSeverity(),
                            body.value(),
                            body.prepared().originOf(hit.offset()),
                            "sh runs a download without checking it (\"" + hit.command()
                                    + "\"); whatever the server or anyone in between sends runs on the agent",
                            "download to a file, verify its checksum or signature, then run it; or use a tool"
                                    + " installed on the agent"));
        }
    }
}
