package org.runbook.coauthor.dryrun.jenkins;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;

/**
 * Writes the transcript and collects findings while a Jenkinsfile runs; read by the caller's thread
 * when the run ends or its time is up, hence synchronized.
 */
final class Recorder {
    private final String file;
    private final String[] source;
    private final String scriptName;
    private final int maxSteps;
    private final List<String> lines = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private int depth;
    private int steps;

    Recorder(String file, String text, String scriptName, int maxSteps) {
        this.file = file;
        this.source = text.split("\n", -1);
        this.scriptName = scriptName;
        this.maxSteps = maxSteps;
    }

    synchronized void line(String text) {
        String pad = "  ".repeat(depth);
        String[] parts = text.split("\n", -1);
        lines.add(pad + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            lines.add(pad + "  | " + parts[i]);
        }
    }

    /** A step: counted against the step budget. */
    void step(String text) {
        synchronized (this) {
            if (++steps > maxSteps) {
                throw new SandboxAbort(SandboxAbort.Kind.STEPS, "more than " + maxSteps + " steps");
            }
        }
        line(text);
    }

    synchronized void in() {
        depth++;
    }

    synchronized void out() {
        depth = Math.max(0, depth - 1);
    }

    /** Runs {@code body} one level deeper in the transcript. */
    void nested(Runnable body) {
        in();
        try {
            body.run();
        } finally {
            out();
        }
    }

    synchronized int depth() {
        return depth;
    }

    synchronized void depth(int value) {
        depth = value;
    }

    /** A finding at the Jenkinsfile line now running (from the stack), pointing at {@code word} on it. */
    void finding(String id, Severity severity, String word, String message, String hint) {
        int line = scriptLine(Thread.currentThread().getStackTrace());
        finding(id, severity, line, column(line, word), message, hint);
    }

    synchronized void finding(String id, Severity severity, int line, int column, String message, String hint) {
        findings.add(new Finding(id, severity, file, line, column, "", message, hint));
    }

    /** The Jenkinsfile line of the innermost script frame in {@code stack}; 0 when none. */
    int scriptLine(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            if (scriptName.equals(e.getFileName()) && e.getLineNumber() > 0) {
                return e.getLineNumber();
            }
        }
        return 0;
    }

    int column(int line, String word) {
        if (line < 1 || line > source.length) {
            return 0;
        }
        String text = source[line - 1];
        int at = word == null ? -1 : text.indexOf(word);
        if (at < 0) {
            at = text.length() - text.stripLeading().length();
        }
        return at + 1;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }
}
