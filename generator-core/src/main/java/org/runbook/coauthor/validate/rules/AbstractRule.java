package org.runbook.coauthor.validate.rules;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;

/**
 * Base of every validation rule: a stable id, a one-line title, a default severity, and a place to
 * collect findings. A rule overrides only the visitor callbacks it needs.
 */
public abstract class AbstractRule {
    private final List<Finding> findings = new ArrayList<>();
    private JobSource source;

    /** Stable id, never reused: {@code RD0xx} structure, {@code RD1xx} references, {@code SEC0xx} safety. */
    public abstract String id();

    public abstract String title();

    public abstract Severity defaultSeverity();

    /** The anchor of the rule's section in docs/rules.md. */
    public String docsAnchor() {
        return id().toLowerCase(java.util.Locale.ROOT);
    }

    /** Called once per artifact, before any other callback. */
    public void visitDocument(JobSource document) {}

    /** Runs the rule on one artifact and returns its findings. */
    public final List<Finding> check(JobSource document) {
        findings.clear();
        source = document;
        visitDocument(document);
        return List.copyOf(findings);
    }

    /** Reports a finding at the node at {@code pointer}. */
    protected final void report(String pointer, String message, String hint) {
        int[] pos = source.position(pointer);
        findings.add(
                new Finding(id(), defaultSeverity(), source.file(), pos[0], pos[1], yamlPath(pointer), message, hint));
    }

    /** {@code /0/sequence/commands/1} → {@code $[0].sequence.commands[1]}. */
    static String yamlPath(String pointer) {
        StringBuilder out = new StringBuilder("$");
        if (pointer.isEmpty()) {
            return out.toString();
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            String p = part.replace("~1", "/").replace("~0", "~");
            out.append(p.matches("[0-9]+") ? "[" + p + "]" : "." + p);
        }
        return out.toString();
    }
}
