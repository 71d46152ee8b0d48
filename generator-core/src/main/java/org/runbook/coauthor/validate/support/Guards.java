package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;

/**
 * What stops a destructive job from running by accident: a confirmation option the operator must
 * answer, or an approval step earlier in the workflow. The co-author's own destructive jobs carry
 *
 * <pre>{@code
 * - name: confirm
 *   required: true
 *   enforced: true
 *   values: [yes]
 * }</pre>
 */
public final class Guards {
    private static final Pattern CONFIRM_WORDS =
            Pattern.compile("(?i)confirm|approv|acknowledg|understand|are[-_ ]?you[-_ ]?sure|proceed|really|danger");
    private static final Pattern APPROVAL = Pattern.compile("(?i)approv|manual[-_ ]?(?:gate|input|intervention)");

    private Guards() {}

    /**
     * A required option with enforced values that the operator must answer: its only allowed value is
     * the answer, or its name says it is a confirmation; a default that pre-answers it does not count.
     */
    public static Optional<OptionView> confirmOption(JobView job) {
        for (OptionView o : job.options()) {
            List<String> values = o.values();
            if (!o.required() || !o.enforced() || values.isEmpty()) {
                continue;
            }
            String words = o.name() + " " + o.node().path("label").asText("") + " "
                    + o.node().path("description").asText("");
            boolean asks = values.size() == 1 || CONFIRM_WORDS.matcher(words).find();
            boolean preAnswered =
                    values.size() == 1 && o.defaultValue().map(values::contains).orElse(false);
            if (asks && !preAnswered) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /**
     * A step before {@code step} that waits for a person: a job reference or plugin step named for an
     * approval, or a {@code flow-control} / {@code job-state} step.
     */
    public static Optional<StepView> approvalBefore(JobView job, StepView step) {
        for (StepView s : job.steps()) {
            if (s.errorHandler() || s.number() >= step.number()) {
                continue;
            }
            String description = s.node().path("description").asText("");
            if (s.kind() == StepView.Kind.JOBREF) {
                String ref = s.node().path("jobref").path("group").asText("") + "/"
                        + s.node().path("jobref").path("name").asText("");
                if (APPROVAL.matcher(ref + " " + description).find()) {
                    return Optional.of(s);
                }
            } else if (s.kind() == StepView.Kind.PLUGIN) {
                if (s.type().equals("flow-control")
                        || s.type().equals("job-state")
                        || APPROVAL.matcher(s.type() + " " + description).find()) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the job guards {@code step}: a confirmation option, or an approval step before it. */
    public static boolean guarded(JobView job, StepView step) {
        return confirmOption(job).isPresent() || approvalBefore(job, step).isPresent();
    }
}
