package org.runbook.coauthor.publish;

import java.util.Arrays;
import java.util.List;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.validate.JobDocuments;

/**
 * A job definition format the Rundeck import API takes as a raw request body: its {@code fileformat}
 * name, its {@code Content-Type} and the first API version that accepts it.
 */
public enum JobFormat {
    YAML("yaml", "application/yaml", RundeckImporter.MIN_API_VERSION),
    // Rundeck reads a raw JSON body only from API v44 on (ScheduledExecutionController.apiJobsImportv14).
    JSON("json", "application/json", 44),
    XML("xml", "application/xml", RundeckImporter.MIN_API_VERSION);

    private final String wireName;
    private final String contentType;
    private final int minApiVersion;

    JobFormat(String wireName, String contentType, int minApiVersion) {
        this.wireName = wireName;
        this.contentType = contentType;
        this.minApiVersion = minApiVersion;
    }

    /** Parses {@code yaml}, {@code json} or {@code xml} (any case). */
    public static JobFormat fromWire(String value) {
        for (JobFormat f : values()) {
            if (f.wireName.equalsIgnoreCase(value == null ? "" : value.strip())) {
                return f;
            }
        }
        throw new InvalidInputException("format \"" + value + "\" is not a Rundeck job format", null, wireNames());
    }

    /** The format of a job file: from its extension, else {@code xml} when it starts with "<", else {@code yaml}. */
    public static JobFormat of(String file, String text) {
        return fromWire(JobDocuments.formatOf(text, file));
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(JobFormat::toString).toList();
    }

    public String contentType() {
        return contentType;
    }

    public int minApiVersion() {
        return minApiVersion;
    }

    /** The {@code fileformat} query value. */
    @Override
    public String toString() {
        return wireName;
    }
}
