package org.runbook.coauthor.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.runbook.coauthor.error.NonRetriableException;

/**
 * What Rundeck did with each job of one import, in document order.
 *
 * <pre>{@code
 * {"succeeded": [{"index": 1, "id": "3b6c…", "name": "restart", "group": "app/dev", "permalink": "…"}],
 *  "failed": [], "skipped": []}
 * }</pre>
 */
public record ImportReport(List<JobOutcome> jobs) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 200;

    /** Rundeck's three result lists. */
    public enum Kind {
        SUCCEEDED,
        FAILED,
        SKIPPED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One job's entry in Rundeck's answer.
     *
     * @param index the job's 1-based position in the document
     * @param group the job group, {@code ""} for none
     * @param id the job UUID, {@code ""} when the job was not saved
     * @param permalink the job's page in the Rundeck GUI, {@code ""} when the job was not saved
     * @param error Rundeck's reason for a failed or skipped job (lines joined by newlines), else {@code ""}
     */
    public record JobOutcome(
            Kind kind, int index, String name, String group, String id, String permalink, String error) {
        public JobOutcome {
            if (kind == null) {
                throw new IllegalArgumentException("kind cannot be null");
            }
            name = name == null ? "" : name;
            group = group == null ? "" : group;
            id = id == null ? "" : id;
            permalink = permalink == null ? "" : permalink;
            error = error == null ? "" : error;
        }

        /** {@code group/name}, or the name alone for a job without a group. */
        public String path() {
            return group.isEmpty() ? name : group + "/" + name;
        }
    }

    public ImportReport {
        jobs = List.copyOf(jobs);
    }

    /**
     * Reads the JSON body of a successful import call.
     *
     * @throws NonRetriableException when the body is not Rundeck's import report
     */
    public static ImportReport parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw notAReport(body, "it is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw notAReport(body, "it is not a JSON object");
        }
        if (!root.has("succeeded") && !root.has("failed") && !root.has("skipped")) {
            throw notAReport(body, "it has none of \"succeeded\", \"failed\", \"skipped\"");
        }
        List<JobOutcome> jobs = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            JsonNode list = root.path(kind.toString());
            if (list.isMissingNode() || list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw notAReport(body, "\"" + kind + "\" is not a list");
            }
            for (JsonNode entry : list) {
                if (!entry.isObject()) {
                    throw notAReport(body, "an entry of \"" + kind + "\" is not an object");
                }
                jobs.add(new JobOutcome(
                        kind,
                        entry.path("index").asInt(0),
                        text(entry, "name"),
                        text(entry, "group"),
                        text(entry, "id"),
                        text(entry, "permalink"),
                        text(entry, "error")));
            }
        }
        jobs.sort(Comparator.comparingInt(JobOutcome::index));
        return new ImportReport(jobs);
    }

    public long count(Kind kind) {
        return jobs.stream().filter(j -> j.kind() == kind).count();
    }

    /** True when no job failed; skipped jobs are what {@code dupe=skip} asked for. */
    public boolean ok() {
        return count(Kind.FAILED) == 0;
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static NonRetriableException notAReport(String body, String why) {
        return new NonRetriableException("Rundeck's answer is not a job import report: " + why + "; the answer began"
                + " with \"" + snippet(body) + "\"; check that the URL is the base address of a Rundeck server");
    }

    /** The start of a body on one line, for messages. */
    static String snippet(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }
}
