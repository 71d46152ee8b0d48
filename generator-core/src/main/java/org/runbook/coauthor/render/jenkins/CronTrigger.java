package org.runbook.coauthor.render.jenkins;

import java.util.List;
import java.util.stream.Collectors;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanSchedule;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * A plan's schedule as the declarative {@code triggers { cron(...) }} directive. Jenkins reads the
 * same 5-field Unix syntax; when the request named no exact minute the minute becomes {@code H}
 * (Jenkins' hash of the job name), so that many nightly jobs do not all start at 02:00:00. A time
 * zone becomes the {@code TZ=} line Jenkins accepts at the top of a cron spec.
 */
final class CronTrigger {
    private CronTrigger() {}

    static void write(PipelineText out, RunbookPlan plan) {
        PlanSchedule schedule = plan.schedule();
        if (schedule == null) {
            return;
        }
        List<PlanOption> prompt = plan.promptOnlyOptions();
        if (!prompt.isEmpty()) {
            out.line(GroovyText.comment("Schedule asked for (" + words(schedule) + ") but not set: a timed build"
                    + " cannot prompt for "
                    + prompt.stream().map(PlanOption::name).collect(Collectors.joining(", "))
                    + "; give " + (prompt.size() == 1 ? "it a default" : "them defaults") + " and add the trigger cron("
                    + GroovyText.quoted(spec(schedule)) + ")."));
            return;
        }
        out.line(GroovyText.comment("Schedule: " + words(schedule) + "."));
        out.open("triggers");
        out.line("cron(" + GroovyText.quoted(spec(schedule)) + ")");
        out.close();
    }

    /** The cron spec Jenkins reads, with {@code H} for a flexible minute. */
    static String spec(PlanSchedule schedule) {
        List<String> f = schedule.fields();
        String minute = f.get(0);
        if (schedule.flexibleMinute()) {
            minute = minute.equals("0") ? "H" : minute.startsWith("*/") ? "H/" + minute.substring(2) : minute;
        }
        String cron = minute + " " + String.join(" ", f.subList(1, 5));
        return schedule.timeZone() == null ? cron : "TZ=" + schedule.timeZone() + "\n" + cron;
    }

    private static String words(PlanSchedule schedule) {
        String cron = "cron " + schedule.cron() + (schedule.timeZone() == null ? "" : " " + schedule.timeZone());
        return schedule.description() == null ? cron : schedule.description() + ", " + cron;
    }
}
