package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.ShellSyntax;

/**
 * JK201: the script of an {@code sh} step is not valid shell, as {@code bash -n} (parse only) says,
 * after each part Groovy interpolates is replaced with a placeholder word. The same check as SH001;
 * bash's warnings (an unterminated here-document) are warnings.
 */
public final class ShellSyntaxErrorRule extends JenkinsRule {
    /** bash processes per file. */
    static final int MAX_RUNS = 200;

    @Override
    public String id() {
        return "JK201";
    }

    @Override
    public String title() {
        return "an sh script is not valid shell (bash -n)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        int runs = 0;
        for (ShellBodies.Body body : ShellBodies.of(jenkinsfile)) {
            if (runs++ >= MAX_RUNS) {
                report(
                        Severity.INFO,
                        body.call().position(),
                        "JK201 checked the first " + MAX_RUNS + " sh scripts of this file; the rest were not checked",
                        "split the pipeline into smaller files");
                return;
            }
            String text = body.prepared().text();
            for (ShellSyntax.Problem p : ShellSyntax.check(text)) {
                int offset = body.prepared().originOf(Lines.start(text, p.line()));
                String line = "line " + p.line() + " of the script";
                reportInText(
                        p.warning() ? Severity.WARNING : Severity.ERROR,
                        body.value(),
                        offset,
                        (p.warning() ? "bash -n warns about the sh script: " : "bash -n rejects the sh script: ")
                                + p.message(),
                        p.warning()
                                ? "fix the shell code at " + line
                                : "fix the shell syntax at " + line + "; check it with bash -n");
            }
        }
    }
}
