package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.ShellCommands;
import org.runbook.coauthor.validate.support.TlsOff;

/**
 * JK205: an {@code sh} script turns TLS certificate verification off ({@code curl -k},
 * {@code wget --no-check-certificate}, {@code git -c http.sslVerify=false}, …), as SEC004 finds it
 * in Rundeck jobs.
 */
public final class TlsOffStepRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK205";
    }

    @Override
    public String title() {
        return "an sh script turns TLS certificate verification off";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (ShellBodies.Body body : ShellBodies.of(jenkinsfile)) {
            TlsOff.inShell(body.masked())
                    .forEach((offset, what) -> reportInText(
                            defaultSeverity(),
                            body.value(),
                            body.prepared().originOf(offset),
                            "sh turns off TLS certificate verification (\"" + ShellCommands.show(what)
                                    + "\"), so anyone on the network path can pose as the server",
                            "remove it and make the client trust the server's CA instead (e.g. curl --cacert FILE)"));
        }
    }
}
