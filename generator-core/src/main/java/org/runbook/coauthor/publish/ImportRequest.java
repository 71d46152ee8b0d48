package org.runbook.coauthor.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.runbook.coauthor.error.InvalidInputException;

/**
 * One job document to import into one Rundeck project, with Rundeck's duplicate and UUID handling.
 *
 * <pre>{@code
 * ImportRequest request = ImportRequest.builder()
 *         .project("ops")
 *         .document(Files.readString(Path.of("job.yaml")))
 *         .format(JobFormat.YAML)
 *         .dupe(ImportRequest.Dupe.UPDATE)
 *         .build();
 * }</pre>
 *
 * @param project the Rundeck project; the import sets every job's {@code project} to it
 * @param document the job definition text, sent as is
 * @param dupe what Rundeck does with a job that already exists ({@code dupeOption})
 * @param uuid whether Rundeck keeps the jobs' UUIDs ({@code uuidOption})
 */
public record ImportRequest(String project, String document, JobFormat format, Dupe dupe, Uuid uuid) {
    /** Rundeck's own rule for project names ({@code SharedProjectNameConstraints}). */
    public static final Pattern PROJECT_NAME = Pattern.compile("^[-_a-zA-Z0-9+][-._a-zA-Z0-9+]*$");

    /** Rundeck's {@code dupeOption}. */
    public enum Dupe {
        /** Always create a new job. */
        CREATE,
        /** Update the job with the same UUID, or the same name and group; create it when there is none. */
        UPDATE,
        /** Leave an existing job alone and report it as skipped. */
        SKIP;

        public static Dupe fromWire(String value) {
            return parse(Dupe.class, value);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Rundeck's {@code uuidOption}. */
    public enum Uuid {
        PRESERVE,
        /** Drop the UUIDs first, so an import into a second project cannot clash with the first. */
        REMOVE;

        public static Uuid fromWire(String value) {
            return parse(Uuid.class, value);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ImportRequest {
        if (project == null || !PROJECT_NAME.matcher(project).matches()) {
            throw new InvalidInputException(
                    "project \"" + project + "\" is not a valid Rundeck project name; use letters, digits and"
                            + " - _ + . (not first)",
                    null,
                    List.of());
        }
        if (document == null || document.isBlank()) {
            throw new InvalidInputException("the job document is empty; there is nothing to import", null, List.of());
        }
        if (format == null) {
            throw new IllegalArgumentException("format cannot be null");
        }
        dupe = dupe == null ? Dupe.CREATE : dupe;
        uuid = uuid == null ? Uuid.PRESERVE : uuid;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .project(project)
                .document(document)
                .format(format)
                .dupe(dupe)
                .uuid(uuid);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return constant;
            }
        }
        throw new InvalidInputException(
                type.getSimpleName().toLowerCase(Locale.ROOT) + " option \"" + value + "\" is not valid",
                null,
                Arrays.stream(type.getEnumConstants()).map(Enum::toString).toList());
    }

    /** Builds an {@link ImportRequest}; duplicates default to {@code create}, UUIDs to {@code preserve}. */
    public static final class Builder {
        private String project;
        private String document;
        private JobFormat format = JobFormat.YAML;
        private Dupe dupe = Dupe.CREATE;
        private Uuid uuid = Uuid.PRESERVE;

        private Builder() {}

        public Builder project(String value) {
            this.project = value;
            return this;
        }

        public Builder document(String value) {
            this.document = value;
            return this;
        }

        public Builder format(JobFormat value) {
            this.format = value;
            return this;
        }

        public Builder dupe(Dupe value) {
            this.dupe = value;
            return this;
        }

        public Builder uuid(Uuid value) {
            this.uuid = value;
            return this;
        }

        public ImportRequest build() {
            return new ImportRequest(project, document, format, dupe, uuid);
        }
    }
}
