package org.runbook.coauthor.plan;

import java.util.List;
import java.util.Optional;

/**
 * The target-neutral description of a runbook: what the authors produce and the renderers consume.
 * Its JSON form is constrained by {@code job-schemas/.../runbook-plan.schema.json}.
 *
 * @param schedule when the runbook runs by itself, or null when it runs only on demand
 */
public record RunbookPlan(
        String name,
        String group,
        String description,
        String category,
        List<PlanOption> options,
        PlanTarget target,
        List<PlanStep> steps,
        List<PlanNotification> notifications,
        PlanSchedule schedule,
        Provenance provenance) {

    public RunbookPlan {
        Require.notBlank(name, "plan name");
        if (name.contains("/")) {
            throw new IllegalArgumentException("plan name \"" + name + "\" cannot contain \"/\"");
        }
        description = description == null ? "" : description;
        options = Require.copy(options);
        Require.notNull(target, "plan target");
        steps = Require.copy(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("plan \"" + name + "\" needs at least one step");
        }
        notifications = Require.copy(notifications);
        Require.notNull(provenance, "plan provenance");
    }

    /** The highest risk of any step. */
    public Risk risk() {
        return steps.stream().map(PlanStep::risk).reduce(Risk.READ_ONLY, Risk::max);
    }

    /** The same plan with other steps. */
    public RunbookPlan withSteps(List<PlanStep> newSteps) {
        return new RunbookPlan(
                name, group, description, category, options, target, newSteps, notifications, schedule, provenance);
    }

    /** The same plan with other provenance. */
    public RunbookPlan withProvenance(Provenance newProvenance) {
        return new RunbookPlan(
                name, group, description, category, options, target, steps, notifications, schedule, newProvenance);
    }

    /** The same plan with another schedule (null: on demand only). */
    public RunbookPlan withSchedule(PlanSchedule newSchedule) {
        return new RunbookPlan(
                name, group, description, category, options, target, steps, notifications, newSchedule, provenance);
    }

    /**
     * The options only a person can fill in: required, with neither a default nor a Key Storage
     * path (and required file options). A scheduled run has nobody to ask, so a schedule applies
     * only when this list is empty.
     */
    public List<PlanOption> promptOnlyOptions() {
        return options.stream()
                .filter(PlanOption::required)
                .filter(o -> o.type() == OptionType.FILE || (o.defaultValue() == null && o.keyStoragePath() == null))
                .toList();
    }

    public Optional<PlanOption> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
