package org.runbook.coauthor.validate;

/** How bad a finding is; only {@link #ERROR} fails a generation or a validation run. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
