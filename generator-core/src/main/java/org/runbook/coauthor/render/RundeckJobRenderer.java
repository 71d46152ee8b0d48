package org.runbook.coauthor.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.PlanTarget;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;

/**
 * Renders a plan as a Rundeck job definition in the YAML format Rundeck exports and imports: a list
 * holding one job. Keys are sorted as in Rundeck's own export, booleans are real YAML booleans
 * (Rundeck reads a quoted {@code 'false'} as true), and the uuid is derived from the content, so the
 * same plan always renders the same bytes. A plan's schedule becomes Rundeck's {@code schedule} (see
 * {@link RundeckSchedule}) when no required option lacks a default, since a timed run cannot prompt.
 */
public final class RundeckJobRenderer implements Renderer {
    private final RundeckStepRenderer steps = new RundeckStepRenderer();

    @Override
    public Target target() {
        return Target.RUNDECK;
    }

    @Override
    public String fileExtension() {
        return ".yaml";
    }

    @Override
    public String render(RunbookPlan plan) {
        Map<String, Object> job = new TreeMap<>();
        job.put("name", plan.name());
        if (plan.group() != null && !plan.group().isBlank()) {
            job.put("group", plan.group());
        }
        job.put("description", JobDescription.markdown(plan));
        job.put("loglevel", "INFO");
        job.put("executionEnabled", true);
        job.put("scheduleEnabled", true);
        job.put("defaultTab", "nodes");
        if (!plan.options().isEmpty()) {
            job.put(
                    "options",
                    plan.options().stream().map(RundeckJobRenderer::option).toList());
        }
        PlanTarget target = plan.target();
        boolean dispatch = target.runOn() == RunOn.NODES;
        if (dispatch) {
            job.put("nodefilters", nodeFilters(target));
            job.put("nodesSelectedByDefault", true);
            job.put("nodeFilterEditable", false);
        }
        job.put("sequence", sequence(plan, dispatch));
        if (plan.schedule() != null && plan.promptOnlyOptions().isEmpty()) {
            // A schedule next to a required option without a default is refused by Rundeck ("Specify a
            // Default Value for Required options when the Job is scheduled"); the description says why it
            // is missing then.
            job.put("schedule", RundeckSchedule.structured(plan.schedule()));
            if (plan.schedule().timeZone() != null) {
                job.put("timeZone", plan.schedule().timeZone());
            }
        }
        String uuid = uuidOf(write(List.of(job)));
        job.put("uuid", uuid);
        job.put("id", uuid);
        return write(List.of(job));
    }

    private Map<String, Object> sequence(RunbookPlan plan, boolean dispatch) {
        Map<String, Object> sequence = new TreeMap<>();
        sequence.put("keepgoing", false);
        sequence.put("strategy", "node-first");
        List<Object> commands = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            commands.add(steps.render(step, dispatch));
        }
        sequence.put("commands", commands);
        if (plan.options().stream().anyMatch(PlanOption::secure)) {
            // Secure option values a script prints must not reach the execution log.
            // Keys sorted like everything else: Map.of's order changes from one JVM run to the next.
            Map<String, Object> maskPasswords = new TreeMap<>();
            maskPasswords.put("type", "mask-passwords");
            maskPasswords.put("config", Map.of("replacement", "[SECURE]"));
            sequence.put("pluginConfig", Map.of("LogFilter", List.of(maskPasswords)));
        }
        return sequence;
    }

    private static Map<String, Object> option(PlanOption option) {
        Map<String, Object> out = new TreeMap<>();
        out.put("name", option.name());
        if (!option.description().isBlank()) {
            out.put("description", option.description());
        }
        if (option.required()) {
            out.put("required", true);
        }
        if (option.secure()) {
            out.put("secure", true);
            out.put("valueExposed", true);
            if (option.keyStoragePath() != null) {
                out.put("storagePath", option.keyStoragePath());
            }
        } else if (option.defaultValue() != null) {
            out.put("value", option.defaultValue());
        }
        if (!option.values().isEmpty()) {
            out.put("values", option.values());
            out.put("enforced", true);
            out.put("valuesListDelimiter", ",");
        }
        if (option.regex() != null) {
            out.put("regex", option.regex());
        }
        if (option.multivalued()) {
            out.put("multivalued", true);
            out.put("delimiter", ",");
        }
        if (option.type() == org.runbook.coauthor.plan.OptionType.DATE) {
            out.put("isDate", true);
        }
        return out;
    }

    private static Map<String, Object> nodeFilters(PlanTarget target) {
        Map<String, Object> dispatch = new TreeMap<>();
        dispatch.put("threadcount", String.valueOf(target.threadcount()));
        dispatch.put("keepgoing", target.keepgoing());
        dispatch.put("excludePrecedence", true);
        dispatch.put("rankOrder", "ascending");
        dispatch.put("successOnEmptyNodeFilter", false);
        Map<String, Object> filters = new TreeMap<>();
        filters.put("dispatch", dispatch);
        filters.put("filter", target.nodes().attribute() + ": " + target.nodes().value());
        return filters;
    }

    private static String uuidOf(String content) {
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String write(Object value) {
        return YamlText.write(value);
    }
}
