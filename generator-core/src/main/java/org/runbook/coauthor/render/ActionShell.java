package org.runbook.coauthor.render;

import org.runbook.coauthor.plan.PlanStep;

/**
 * The shell text of the actions every target runs as shell (S3 copies, HTTP checks, waits), so the
 * Rundeck job and the Jenkins pipeline of one plan run the same commands. Option references are
 * left in place for the target to map.
 */
public final class ActionShell {
    private ActionShell() {}

    /** {@code aws s3 cp SOURCE s3://BUCKET/KEY}, for an {@code s3-upload} step. */
    public static String s3Upload(PlanStep step) {
        return "aws s3 cp " + ShellText.doubleQuoted(step.param("source")) + " "
                + ShellText.doubleQuoted("s3://" + step.param("bucket") + "/" + step.param("key"))
                + region(step);
    }

    /** {@code aws s3 cp s3://BUCKET/KEY DESTINATION}, for an {@code s3-download} step. */
    public static String s3Download(PlanStep step) {
        return "aws s3 cp "
                + ShellText.doubleQuoted("s3://" + step.param("bucket") + "/" + step.param("key")) + " "
                + ShellText.doubleQuoted(step.param("destination")) + region(step);
    }

    /** A script that calls the URL and fails unless the expected status comes back. */
    public static String httpScript(PlanStep step) {
        String method = step.param("method").isBlank() ? "GET" : step.param("method");
        String expect = step.param("expect_status").isBlank() ? "200" : step.param("expect_status");
        String timeout = step.param("timeout").isBlank() ? "30" : step.param("timeout");
        return "url=" + ShellText.doubleQuoted(step.param("url")) + "\n"
                + "expected=" + ShellText.doubleQuoted(expect) + "\n"
                + "read -r status elapsed < <(curl -sS -o /dev/null -X " + method + " --max-time "
                + ShellText.doubleQuoted(timeout) + " -w '%{http_code} %{time_total}\\n' \"$url\")\n"
                + "echo \"$url answered $status in ${elapsed}s\"\n"
                + "if [[ \"$status\" != \"$expected\" ]]; then\n"
                + "  echo \"expected HTTP $expected from $url, got $status\" >&2\n"
                + "  exit 1\n"
                + "fi\n";
    }

    /** A script that polls the condition until it holds or the timeout passes. */
    public static String waitScript(PlanStep step) {
        String timeout = step.param("timeout").isBlank() ? "300" : step.param("timeout");
        String interval = step.param("interval").isBlank() ? "5" : step.param("interval");
        return "timeout=" + ShellText.doubleQuoted(timeout) + "\n"
                + "interval=" + ShellText.doubleQuoted(interval) + "\n"
                + "deadline=$((SECONDS + timeout))\n"
                + "until " + step.param("condition") + "; do\n"
                + "  if (( SECONDS >= deadline )); then\n"
                + "    echo \"condition not met within ${timeout}s\" >&2\n"
                + "    exit 1\n"
                + "  fi\n"
                + "  sleep \"$interval\"\n"
                + "done\n";
    }

    private static String region(PlanStep step) {
        String region = step.param("region");
        return region.isBlank() ? "" : " --region " + ShellText.doubleQuoted(region);
    }
}
