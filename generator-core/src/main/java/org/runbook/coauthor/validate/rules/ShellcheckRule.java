package org.runbook.coauthor.validate.rules;

import java.util.Set;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellScripts;
import org.runbook.coauthor.validate.support.ShellSyntax;
import org.runbook.coauthor.validate.support.Shellcheck;

/**
 * SH002: shellcheck's warnings and errors on every bash or sh inline script, each at its own line
 * and column, with shellcheck's level (quoting hazards such as SC2068 are warnings). Runs when shellcheck is on the PATH and the validator is not told {@code --no-shellcheck};
 * without shellcheck, one info finding per document says the check was skipped. Command lines are not
 * checked (shellcheck's advice targets scripts), nor scripts that {@code bash -n} rejects (SH001).
 */
public final class ShellcheckRule extends AbstractRule {
    /**
     * Codes that only say a word is constant. Data references are replaced with a sample word, so on
     * a line holding one they describe the substitution, not the script: SC2043 (loop runs once),
     * SC2050 and SC2078 (constant expression), SC2157 (argument to -n/-z always true/false), SC2193
     * (arguments can never be equal), SC2194 (constant case word).
     */
    static final Set<Integer> CONSTANT_WORD_CODES = Set.of(2043, 2050, 2078, 2157, 2193, 2194);
    /** Codes about shellcheck's own reach, not the script: SC1090/SC1091 (cannot follow a sourced file). */
    static final Set<Integer> TOOL_LIMIT_CODES = Set.of(1090, 1091);
    /**
     * shellcheck errors that are quoting hazards rather than certain failures: an unquoted array
     * expansion (SC2068) or a string mixed with an array (SC2145) re-splits only elements holding
     * whitespace, so a script that works with its real data would be called broken. Warnings.
     */
    static final Set<Integer> HAZARD_CODES = Set.of(2068, 2145);

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
                if (TOOL_LIMIT_CODES.contains(item.code())
                        || (CONSTANT_WORD_CODES.contains(item.code())
                                && script.prepared().lineHasReplacement(item.line()))) {
                    continue;
                }
                int offset = script.prepared().originOf(Shellcheck.offset(prepared, item));
                boolean error = item.isError() && !HAZARD_CODES.contains(item.code());
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
