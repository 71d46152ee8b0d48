package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ReferenceWording;

/**
 * RD201: the job says it targets nodes but has no filter that Rundeck uses, so its node steps run
 * on the Rundeck server itself. Rundeck dispatches to nodes only when {@code nodefilters.filter} is
 * non-empty (or the legacy {@code include}/{@code exclude} maps are set): an empty filter, or a
 * {@code nodefilters} block with only {@code dispatch} settings or an exclude filter, runs every node
 * step locally. Jobs without any {@code nodefilters} are meant for the server and are not reported;
 * a misspelled {@code filter} key is RD002's.
 */
public final class NodeStepWithoutFilterRule extends AbstractRule {
    private static final Set<String> KNOWN_KEYS = Set.of("dispatch", "filter", "filterExclude", "include", "exclude");

    @Override
    public String id() {
        return "RD201";
    }

    @Override
    public String title() {
        return "node steps run on the Rundeck server because the node filter is missing or empty";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void visitJobPost(JobView job) {
        JsonNode filters = job.node().path("nodefilters");
        if (!filters.isObject() || nonEmpty(filters.path("include")) || nonEmpty(filters.path("exclude"))) {
            return;
        }
        for (String key : (Iterable<String>) filters::fieldNames) {
            if (!KNOWN_KEYS.contains(key)) {
                return;
            }
        }
        JsonNode filter = filters.path("filter");
        if (filter.isValueNode() && !filter.isNull() && !filter.asText().isBlank()) {
            return;
        }
        if (!filters.has("filter") && source().format().equals("xml")) {
            return; // the XML format writes <dispatch> for every job, node dispatch or not
        }
        List<Integer> nodeSteps = job.steps().stream()
                .filter(s -> !s.errorHandler() && s.nodeStep())
                .map(StepView::number)
                .toList();
        if (nodeSteps.isEmpty()) {
            return;
        }
        String steps = ReferenceWording.steps(nodeSteps);
        String run = (nodeSteps.size() == 1 ? " runs" : " run") + " on the Rundeck server, not on nodes";
        String hint = "set \"nodefilters.filter\" to the nodes the job is for (e.g. \"tags: web\"), or remove "
                + "\"nodefilters\" if the job is meant for the server";
        if (filters.has("filter")) {
            report(
                    job.nodeFilterPointer(),
                    "the node filter is empty, so Rundeck does not dispatch the job to nodes and " + steps + run,
                    hint);
        } else {
            String has = filters.has("filterExclude") ? "an exclude filter but no \"filter\"" : "no \"filter\"";
            reportKey(
                    job.pointer("nodefilters"),
                    "\"nodefilters\" has " + has + ", so Rundeck does not dispatch the " + "job to nodes and " + steps
                            + run,
                    hint);
        }
    }

    private static boolean nonEmpty(JsonNode map) {
        return map.isObject() && map.size() > 0;
    }
}
