package org.runbook.coauthor.validate;

import java.util.Comparator;

/**
 * One problem found in an artifact or request, with its position (1-based line and column).
 * {@code toString()} is always {@code file:line:col: message [ID]}.
 *
 * @param yamlPath where in the document, e.g. {@code $[0].sequence.commands[1]}; empty when not applicable
 * @param hint the imperative fix, e.g. {@code rename the reference or add an option named "bucket"}
 */
public record Finding(
        String ruleId,
        Severity severity,
        String file,
        int line,
        int column,
        String yamlPath,
        String message,
        String hint) {

    /** Sort order of reports: file, line, column, rule id. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId);

    public Finding {
        org.runbook.coauthor.plan.Require.notBlank(ruleId, "rule id");
        org.runbook.coauthor.plan.Require.notNull(severity, "severity");
        org.runbook.coauthor.plan.Require.notBlank(message, "message");
        file = file == null ? "<input>" : file;
        yamlPath = yamlPath == null ? "" : yamlPath;
        hint = hint == null ? "" : hint;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message + " [" + ruleId + "]";
    }
}
