package org.runbook.coauthor.author;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;

/**
 * Moves S3 transfers onto the co-author's own Rundeck steps when the target Rundeck has them
 * installed (the request's {@code installedPlugins}, from {@code --plugins}). Those steps copy over
 * SFTP from the Rundeck server and verify size and SHA-256 themselves, so the node needs neither the
 * AWS CLI nor AWS credentials; without the plugin the plan keeps its portable {@code aws s3 cp}.
 *
 * <pre>{@code
 * RunbookPlan plan = InstalledSteps.prefer(author.draft(request), request);
 * }</pre>
 */
public final class InstalledSteps {
    public static final String S3_UPLOAD_STEP = "coauthor-s3-upload-step";
    public static final String S3_DOWNLOAD_STEP = "coauthor-s3-download-step";

    private InstalledSteps() {}

    /** The plan with node-side S3 copies replaced by installed co-author steps; unchanged otherwise. */
    public static RunbookPlan prefer(RunbookPlan plan, GenerationRequest request) {
        if (plan == null || request.target() != Target.RUNDECK) {
            return plan;
        }
        boolean upload = request.installedPlugins().contains(S3_UPLOAD_STEP);
        boolean download = request.installedPlugins().contains(S3_DOWNLOAD_STEP);
        if (!upload && !download) {
            return plan;
        }
        List<PlanStep> out = new ArrayList<>();
        boolean changed = false;
        PlanStep replaced = null;
        for (PlanStep step : plan.steps()) {
            if (replaced != null && verifiesWithCli(step, replaced)) {
                // The plugin already checked size and checksum; the CLI check would need the AWS CLI on the node.
                replaced = null;
                changed = true;
                continue;
            }
            replaced = null;
            if (upload && step.action() == Action.S3_UPLOAD && step.runOn() == RunOn.NODES) {
                out.add(pluginStep(step, S3_UPLOAD_STEP, uploadConfig(step)));
                replaced = step;
                changed = true;
            } else if (download && step.action() == Action.S3_DOWNLOAD && step.runOn() == RunOn.NODES) {
                out.add(pluginStep(step, S3_DOWNLOAD_STEP, downloadConfig(step)));
                replaced = step;
                changed = true;
            } else {
                out.add(step);
            }
        }
        return changed ? plan.withSteps(out) : plan;
    }

    private static Map<String, String> uploadConfig(PlanStep step) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("sourcePath", step.param("source"));
        config.put("bucket", step.param("bucket"));
        putIfSet(config, "key", step.param("key"));
        putIfSet(config, "region", step.param("region"));
        return config;
    }

    private static Map<String, String> downloadConfig(PlanStep step) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bucket", step.param("bucket"));
        config.put("key", step.param("key"));
        config.put("destinationPath", step.param("destination"));
        putIfSet(config, "region", step.param("region"));
        return config;
    }

    private static PlanStep pluginStep(PlanStep step, String type, Map<String, String> config) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("type", type);
        params.put("node_step", "true");
        params.putAll(config);
        return new PlanStep(
                step.id(),
                step.title(),
                Action.PLUGIN,
                params,
                step.runOn(),
                step.onError(),
                step.risk(),
                step.source());
    }

    private static boolean verifiesWithCli(PlanStep step, PlanStep replaced) {
        return step.action() == Action.COMMAND
                && step.param("command").startsWith("aws s3api head-object")
                && step.source() != null
                && step.source().equals(replaced.source());
    }

    private static void putIfSet(Map<String, String> config, String key, String value) {
        if (value != null && !value.isBlank()) {
            config.put(key, value);
        }
    }
}
