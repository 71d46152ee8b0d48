package org.runbook.coauthor.plan;

/**
 * What a step does, independent of the target. Each action documents the {@link PlanStep#params()}
 * keys it reads; renderers map them to the target's own step types.
 */
public enum Action {
    /** {@code command}: one shell line. */
    COMMAND("command"),
    /** {@code script}: a script body; optional {@code interpreter}. */
    SCRIPT("script"),
    /** {@code source}, {@code destination}. */
    COPY_FILE("copy-file"),
    /** {@code source}, {@code bucket}, {@code key}, optional {@code region}. */
    S3_UPLOAD("s3-upload"),
    /** {@code bucket}, {@code key}, {@code destination}, optional {@code region}. */
    S3_DOWNLOAD("s3-download"),
    /** {@code method}, {@code url}, optional {@code expect_status}, {@code timeout}. */
    HTTP_REQUEST("http-request"),
    /** {@code name}, optional {@code group}, {@code args}. */
    JOB_REF("job-ref"),
    /** {@code condition} (shell), {@code timeout} and {@code interval} in seconds. */
    WAIT_UNTIL("wait-until"),
    /** {@code type}, {@code node_step}, the rest is the plugin configuration. */
    PLUGIN("plugin");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    public static Action fromWire(String value) {
        return Wire.parse(Action.class, value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
