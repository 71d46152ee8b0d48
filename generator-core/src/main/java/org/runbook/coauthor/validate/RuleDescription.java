package org.runbook.coauthor.validate;

/** What every validation rule tells about itself: a stable id, a one-line title, a severity, a docs anchor. */
public interface RuleDescription {
    /** Stable id, never reused (RD0xx, SEC0xx, SH0xx, JKxxx). */
    String id();

    /** One line: what the rule detects. */
    String title();

    /** The severity of the rule's main finding. */
    Severity defaultSeverity();

    /** The anchor of the rule's section in the rules documentation. */
    default String docsAnchor() {
        return id().toLowerCase(java.util.Locale.ROOT);
    }
}
