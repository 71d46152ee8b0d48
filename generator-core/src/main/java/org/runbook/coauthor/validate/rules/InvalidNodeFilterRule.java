package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.NodeFilterSyntax;

/**
 * RD203: a node filter Rundeck reads differently from what was written: an unclosed quote, a key
 * with no value ({@code tags:}), a {@code !} that is not in front of a key (so it excludes
 * nothing), or a {@code /regex/} value that does not compile (the execution fails when nodes are
 * matched). Checked in the job's filter, its exclude filter and job references' filters.
 */
public final class InvalidNodeFilterRule extends AbstractRule {
    @Override
    public String id() {
        return "RD203";
    }

    @Override
    public String title() {
        return "node filter does not parse as written";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        check(job.nodeFilterPointer(), job.node().path("nodefilters").path("filter"));
        check(
                Pointers.child(job.pointer("nodefilters"), "filterExclude"),
                job.node().path("nodefilters").path("filterExclude"));
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        if (step.kind() == StepView.Kind.JOBREF) {
            String p = Pointers.child(step.pointer("jobref"), "nodefilters");
            check(
                    Pointers.child(p, "filter"),
                    step.node().path("jobref").path("nodefilters").path("filter"));
        }
    }

    private void check(String pointer, JsonNode value) {
        if (!value.isTextual() || value.asText().isBlank()) {
            return;
        }
        String filter = value.asText();
        for (NodeFilterSyntax.Problem p :
                NodeFilterSyntax.parse(filter).problems().stream().limit(20).toList()) {
            reportInText(pointer, filter, Math.max(0, p.offset()), p.message(), p.hint());
        }
    }
}
