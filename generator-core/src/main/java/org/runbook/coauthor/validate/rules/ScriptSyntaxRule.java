package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellScripts;
import org.runbook.coauthor.validate.support.ShellSyntax;

/**
 * SH001: an inline script or a command line is not valid shell. Each one goes through
 * {@code bash -n} (parse only) after Rundeck's data references are replaced with a sample word;
 * scripts for another interpreter (a python shebang, {@code scriptInterpreter: powershell}, a
 * {@code .ps1} extension) are skipped. A syntax error makes the step fail on every node; bash's
 * warnings (an unterminated here-document) are reported as warnings.
 */
public final class ScriptSyntaxRule extends AbstractRule {
    @Override
    public String id() {
        return "SH001";
    }

    @Override
    public String title() {
        return "script or command is not valid shell (bash -n)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** bash processes per document: a file of thousands of jobs is checked in bounded time. */
    static final int MAX_RUNS = 200;
    /** Text without any of these cannot be a shell syntax error, so needs no process. */
    private static final java.util.regex.Pattern SHELL_SYNTAX = java.util.regex.Pattern.compile(
            "['\"`$(){}\\[\\];&|<>\\\\]|\\b(?:if|then|fi|for|while|until|do|done|case|esac)\\b");

    private int runs;
    private boolean budgetReported;

    @Override
    public void visitDocument(org.runbook.coauthor.validate.JobSource document) {
        runs = 0;
        budgetReported = false;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        ShellScripts.of(job, step).ifPresent(script -> {
            String what = (script.script() ? "the script of " : "the command of ") + step.label();
            String prepared = script.prepared().text();
            if (!SHELL_SYNTAX.matcher(prepared).find()) {
                return;
            }
            if (runs++ >= MAX_RUNS) {
                if (!budgetReported) {
                    budgetReported = true;
                    reportInText(
                            Severity.INFO,
                            script.pointer(),
                            script.text(),
                            0,
                            "SH001 checked the first " + MAX_RUNS + " scripts of this file; the rest were not checked",
                            "split the file, or check the rest with coauthor validate on smaller files");
                }
                return;
            }
            for (ShellSyntax.Problem p : ShellSyntax.check(prepared)) {
                int start = lineStart(prepared, p.line());
                int offset = script.prepared().originOf(start);
                String line = "line " + lineOf(prepared, start) + " of the " + (script.script() ? "script" : "command");
                if (p.warning()) {
                    reportInText(
                            Severity.WARNING,
                            script.pointer(),
                            script.text(),
                            offset,
                            "bash -n warns about " + what + ": " + p.message(),
                            p.message().contains("here-document")
                                    ? "end the here-document with its delimiter alone on a line (" + line + ")"
                                    : "fix the shell code at " + line);
                } else {
                    reportInText(
                            Severity.ERROR,
                            script.pointer(),
                            script.text(),
                            offset,
                            "bash -n rejects " + what + ": " + p.message(),
                            "fix the shell syntax at " + line + "; check it with bash -n");
                }
            }
        });
    }

    /** Offset of the first non-blank character of a 1-based line; the last line when bash names one past the end. */
    static int lineStart(String text, int line) {
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0 || nl == text.length() - 1) {
                break;
            }
            start = nl + 1;
        }
        while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        return start;
    }

    /** The 1-based line of an offset. */
    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
