package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.ShellSyntax;
import org.runbook.coauthor.validate.support.Shellcheck;
import org.runbook.coauthor.validate.support.ShellcheckCodes;

/**
 * JK202: shellcheck's warnings and errors on every {@code sh} script, at their own line and column,
 * kept and levelled as SH002 does. Runs when shellcheck is on the PATH and not switched off with
 * {@code --no-shellcheck}; without shellcheck, one info finding per file says the check was skipped.
 * Scripts that {@code bash -n} rejects (JK201) are not checked again.
 */
public final class ShellcheckStepRule extends JenkinsRule {
    /** shellcheck processes per file. */
    static final int MAX_RUNS = 50;

    private final Shellcheck shellcheck;

    public ShellcheckStepRule() {
        this("shellcheck");
    }

    /** For tests: {@code command} is the shellcheck program to run. */
    ShellcheckStepRule(String command) {
        this.shellcheck = new Shellcheck(command);
    }

    @Override
    public String id() {
        return "JK202";
    }

    @Override
    public String title() {
        return "shellcheck reports a problem in an sh script";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        if (!settings().shellcheck()) {
            return;
        }
        int runs = 0;
        for (ShellBodies.Body body : ShellBodies.of(jenkinsfile)) {
            if (!shellcheck.available()) {
                report(
                        Severity.INFO,
                        body.call().position(),
                        "shellcheck not installed, JK202 skipped",
                        "install shellcheck (https://www.shellcheck.net) or run with --no-shellcheck");
                return;
            }
            if (runs++ >= MAX_RUNS) {
                report(
                        Severity.INFO,
                        body.call().position(),
                        "JK202 ran shellcheck on the first " + MAX_RUNS
                                + " sh scripts of this file; the rest were not checked",
                        "split the pipeline into smaller files");
                return;
            }
            String text = body.prepared().text();
            if (ShellSyntax.check(text).stream().anyMatch(p -> !p.warning())) {
                continue;
            }
            for (Shellcheck.Item item : shellcheck.check(text)) {
                if (ShellcheckCodes.ignored(item, body.prepared())) {
                    continue;
                }
                reportInText(
                        ShellcheckCodes.error(item) ? Severity.ERROR : Severity.WARNING,
                        body.value(),
                        body.prepared().originOf(Shellcheck.offset(text, item)),
                        "shellcheck SC" + item.code() + ": " + item.message().replaceAll("\\.$", ""),
                        "see https://www.shellcheck.net/wiki/SC" + item.code() + " (line " + item.line()
                                + " of the script)");
            }
        }
    }
}
