package org.runbook.coauthor.validate.jenkins.rules;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.RuleDescription;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.StepCatalog;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Value;
import org.runbook.coauthor.validate.read.Position;

/**
 * Base of every Jenkinsfile rule: a stable id in the {@code JK} family, a title, a severity, and
 * {@code report} to record a finding at a source position. A rule reads the whole {@link Jenkinsfile}
 * model in {@link #check}; rules run on declarative pipelines, and on scripted ones only when
 * {@link #scripted()} says so.
 */
public abstract class JenkinsRule implements RuleDescription {
    private final List<Finding> findings = new ArrayList<>();
    private Jenkinsfile file;
    private Settings settings;

    /** What a run knows beyond the file: the step catalog and whether shellcheck may run. */
    public record Settings(StepCatalog steps, boolean shellcheck) {}

    /** Whether the rule also checks scripted pipelines (syntax, steps and dangerous code do). */
    public boolean scripted() {
        return false;
    }

    /** Inspects a readable file and reports with {@link #report}. */
    protected abstract void check(Jenkinsfile jenkinsfile);

    /** Runs the rule over one file and returns its findings. */
    public final List<Finding> run(Jenkinsfile jenkinsfile, Settings runSettings) {
        findings.clear();
        file = jenkinsfile;
        settings = runSettings;
        check(jenkinsfile);
        return List.copyOf(findings);
    }

    protected final Jenkinsfile file() {
        return file;
    }

    protected final Settings settings() {
        return settings;
    }

    protected final void report(Position at, String message, String hint) {
        report(defaultSeverity(), at, message, hint);
    }

    protected final void report(Severity severity, Position at, String message, String hint) {
        findings.add(new Finding(id(), severity, file.file(), at.line(), at.column(), "", message, hint));
    }

    /** Reports at the {@code n}-th (0-based) Groovy interpolation of a string literal. */
    protected final void reportAtInterpolation(Value text, int n, String message, String hint) {
        report(defaultSeverity(), SourceSpans.interpolation(file, text, n), message, hint);
    }

    /** Reports at a 0-based offset of a string's text as written (see {@link SourceSpans}). */
    protected final void reportInText(Severity severity, Value text, int offset, String message, String hint) {
        report(severity, SourceSpans.locate(file, text, offset), message, hint);
    }
}
