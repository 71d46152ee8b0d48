package org.runbook.coauthor.validate.rules;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.read.Position;

/**
 * Base of every validation rule: a stable id, a one-line title, a default severity, the visitor
 * callbacks a rule overrides, and {@code report} to record a finding at a position. The walk order
 * is fixed: {@code visitDocument}, then per job {@code visitJobPre}, each option, the node filter,
 * each step (error handlers right after their step), {@code visitJobPost}.
 */
public abstract class AbstractRule implements org.runbook.coauthor.validate.RuleDescription {
    private final List<Finding> findings = new ArrayList<>();
    private JobSource source;
    private ValidatorOptions options;

    /** Stable id, never reused: RD0xx structure, RD1xx references, RD2xx nodes, RD3xx steps, SEC0xx, SH0xx. */
    @Override
    public abstract String id();

    @Override
    public abstract String title();

    /** The severity of the rule's main finding; a rule may report others with {@code report(Severity, ...)}. */
    @Override
    public abstract Severity defaultSeverity();

    public void visitDocument(JobSource document) {}

    public void visitJobPre(JobView job) {}

    public void visitOption(JobView job, OptionView option) {}

    /** Called only when the job has a {@code nodefilters.filter}. */
    public void visitNodeFilter(JobView job, String filter) {}

    public void visitStep(JobView job, StepView step) {}

    public void visitJobPost(JobView job) {}

    /** Runs the rule over one document and returns its findings. */
    public final List<Finding> check(JobSource document, List<JobView> jobs, ValidatorOptions validatorOptions) {
        findings.clear();
        source = document;
        options = validatorOptions;
        visitDocument(document);
        for (JobView job : jobs) {
            visitJobPre(job);
            job.options().forEach(o -> visitOption(job, o));
            job.nodeFilter().ifPresent(f -> visitNodeFilter(job, f));
            job.steps().forEach(s -> visitStep(job, s));
            visitJobPost(job);
        }
        return List.copyOf(findings);
    }

    protected final JobSource source() {
        return source;
    }

    protected final ValidatorOptions options() {
        return options;
    }

    /** Reports at the start of the value at {@code pointer}. */
    protected final void report(String pointer, String message, String hint) {
        report(defaultSeverity(), pointer, message, hint);
    }

    /** Like {@link #report(String, String, String)} for a rule whose findings differ in severity. */
    protected final void report(Severity severity, String pointer, String message, String hint) {
        add(severity, source.valuePosition(pointer), pointer, message, hint);
    }

    /** Reports at the mapping key of {@code pointer} (for unknown or misplaced keys). */
    protected final void reportKey(String pointer, String message, String hint) {
        reportKey(defaultSeverity(), pointer, message, hint);
    }

    protected final void reportKey(Severity severity, String pointer, String message, String hint) {
        add(severity, source.keyPosition(pointer), pointer, message, hint);
    }

    /**
     * Reports inside a text value at a 0-based {@code offset}: for a literal block ({@code |}) the
     * position of the text's own line, otherwise the value's start.
     */
    protected final void reportInText(String pointer, String text, int offset, String message, String hint) {
        reportInText(defaultSeverity(), pointer, text, offset, message, hint);
    }

    protected final void reportInText(
            Severity severity, String pointer, String text, int offset, String message, String hint) {
        Position at = TextPositions.locate(source, source.valuePosition(pointer), text, offset);
        add(severity, at, pointer, message, hint);
    }

    private void add(Severity severity, Position at, String pointer, String message, String hint) {
        findings.add(new Finding(
                id(), severity, source.file(), at.line(), at.column(), Pointers.yamlPath(pointer), message, hint));
    }
}
