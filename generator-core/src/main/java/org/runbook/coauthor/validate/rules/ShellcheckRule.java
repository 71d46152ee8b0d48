package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellScripts;
import org.runbook.coauthor.validate.support.ShellSyntax;
import org.runbook.coauthor.validate.support.Shellcheck;
import org.runbook.coauthor.validate.support.ShellcheckCodes;

/**
 * SH002: shellcheck's warnings and errors on every bash or sh inline script, each at its own line
 * and column, with shellcheck's level (quoting hazards such as SC2068 are warnings). Runs when shellcheck is on the PATH and the validator is not told {@code --no-shellcheck};
 * without shellcheck, one info finding per document says the check was skipped. Command lines are not
 * checked (shellcheck's advice targets scripts), nor scripts that {@code bash -n} rejects (SH001).
 */
public final class ShellcheckRule extends AbstractRule {
    private final Shellcheck shellcheck;
    private boolean skippedReported;

    public ShellcheckRule() {
        this("shellcheck");
    }

    /** For tests: {@code command} is the shellcheck program to run. */
    ShellcheckRule(String command) {
        this.shellcheck = new Shellcheck(command);
    }

    @Override
    public String id() {
        return "SH002";
    }

    @Override
    public String title() {
        return "shellcheck reports a problem in a script";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    /** shellcheck processes per document (each takes tens of milliseconds). */
    static final int MAX_RUNS = 50;

    private int runs;
    private boolean budgetReported;

    @Override
    public void visitDocument(JobSource document) {
        skippedReported = false;
        runs = 0;
        budgetReported = false;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        if (!options().shellcheck()) {
            return;
        }
        ShellScripts.of(job, step).filter(ShellScripts.Script::script).ifPresent(script -> {
            if (!shellcheck.available()) {
                if (!skippedReported) {
                    skippedReported = true;
                    reportInText(
                            Severity.INFO,
                            script.pointer(),
                            script.text(),
                            0,
                            "shellcheck not installed, SH002 skipped",
                            "install shellcheck (https://www.shellcheck.net) or run with --no-shellcheck");
                }
                return;
            }
            String prepared = script.prepared().text();
            if (runs++ >= MAX_RUNS) {
                if (!budgetReported) {
                    budgetReported = true;
                    reportInText(
                            Severity.INFO,
                            script.pointer(),
                            script.text(),
                            0,
                            "SH002 ran shellcheck on the first " + MAX_RUNS
                                    + " scripts of this file; the rest were not checked",
                            "split the file, or run shellcheck on the rest");
                }
                return;
            }
            if (ShellSyntax.check(prepared).stream().anyMatch(p -> !p.warning())) {
                return; // SH001 reports it; shellcheck would only repeat the parse error
            }
            for (Shellcheck.Item item : shellcheck.check(prepared)) {
                if (ShellcheckCodes.ignored(item, script.prepared())) {
                    continue;
                }
                int offset = script.prepared().originOf(Shellcheck.offset(prepared, item));
                boolean error = ShellcheckCodes.error(item);
                reportInText(
                        error ? Severity.ERROR : Severity.WARNING,
                        script.pointer(),
                        script.text(),
                        offset,
                        "shellcheck SC" + item.code() + ": " + item.message().replaceAll("\\.$", ""),
                        "see https://www.shellcheck.net/wiki/SC" + item.code() + " (line " + item.line()
                                + " of the script)");
            }
        });
    }
}
