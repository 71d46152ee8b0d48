package org.runbook.coauthor.author.offline;

import java.util.Map;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;

/**
 * One step of a block with {@code {{param}}} placeholders. {@code run} is shell text for command,
 * script and wait-until; {@code with} holds the other actions' parameters. {@code targets} holds
 * optional per-target overrides (e.g. a Jenkins pipeline step call).
 */
public record StepTemplate(
        String title,
        Action action,
        String run,
        Map<String, String> with,
        RunOn runOn,
        Risk risk,
        Map<String, Map<String, String>> targets) {
    public StepTemplate {
        with = org.runbook.coauthor.plan.Require.copyOrdered(with);
        targets = org.runbook.coauthor.plan.Require.copyOrdered(targets);
    }
}
