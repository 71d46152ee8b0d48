package org.runbook.coauthor.plan;

import java.util.Map;

/**
 * One step of a runbook.
 *
 * <pre>{@code
 * {"id": "upload", "title": "Upload the file to S3", "action": "s3-upload",
 *  "params": {"source": "${option.directory}/${option.file_name}", "bucket": "${option.bucket}",
 *             "key": "${option.file_name}"},
 *  "runOn": "nodes", "risk": "mutating", "source": "dt.s3-upload-from-node"}
 * }</pre>
 *
 * @param params action parameters (see {@link Action}); values may reference {@code ${option.x}}
 * @param onError optional shell command run when the step fails
 * @param source the catalog block id or model that produced the step (traceability)
 */
public record PlanStep(
        String id,
        String title,
        Action action,
        Map<String, String> params,
        RunOn runOn,
        String onError,
        Risk risk,
        String source) {
    public PlanStep {
        Require.notBlank(id, "step id");
        Require.notBlank(title, "step title");
        Require.notNull(action, "step action");
        params = Require.copyOrdered(params);
        runOn = runOn == null ? RunOn.NODES : runOn;
        risk = risk == null ? Risk.MUTATING : risk;
    }

    /** The parameter, or {@code ""} when absent. */
    public String param(String key) {
        return params.getOrDefault(key, "");
    }
}
