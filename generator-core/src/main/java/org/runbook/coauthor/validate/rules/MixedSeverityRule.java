package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.Severity;

/**
 * A rule whose findings do not all share one severity: an unknown plugin type is an error when the
 * server's plugin list is known and a warning when it is not. {@link AbstractRule} stamps every
 * finding with {@link #defaultSeverity()}, so this base answers with the severity of the report in
 * progress and with {@link #baseSeverity()} otherwise (for listings and docs).
 */
abstract class MixedSeverityRule extends AbstractRule {
    private Severity current;

    /** The severity of the rule's main finding. */
    protected abstract Severity baseSeverity();

    @Override
    public final Severity defaultSeverity() {
        return current != null ? current : baseSeverity();
    }

    protected final void report(Severity severity, String pointer, String message, String hint) {
        current = severity;
        try {
            report(pointer, message, hint);
        } finally {
            current = null;
        }
    }

    protected final void reportKey(Severity severity, String pointer, String message, String hint) {
        current = severity;
        try {
            reportKey(pointer, message, hint);
        } finally {
            current = null;
        }
    }

    protected final void reportInText(
            Severity severity, String pointer, String text, int offset, String message, String hint) {
        current = severity;
        try {
            reportInText(pointer, text, offset, message, hint);
        } finally {
            current = null;
        }
    }
}
