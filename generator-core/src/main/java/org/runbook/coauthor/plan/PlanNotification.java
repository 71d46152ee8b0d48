package org.runbook.coauthor.plan;

/**
 * A notification sent when the runbook finishes.
 *
 * @param trigger {@code success}, {@code failure} or {@code start}
 * @param channel {@code email} or {@code webhook}
 * @param target the address or URL
 */
public record PlanNotification(String trigger, String channel, String target) {
    public PlanNotification {
        Require.notBlank(trigger, "notification trigger");
        Require.notBlank(channel, "notification channel");
        Require.notBlank(target, "notification target");
    }
}
