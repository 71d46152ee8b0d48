package org.runbook.coauthor.plan.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * The JSON form of a plan, as constrained by {@code runbook-plan.schema.json}: record component
 * names as keys, enums by their lower-case wire names, absent values omitted.
 */
public final class PlanJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private PlanJson() {}

    public static String write(RunbookPlan plan) {
        try {
            return MAPPER.writeValueAsString(plan);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan always serializes: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads a plan; a malformed one is reported with its position in {@code json}. */
    public static RunbookPlan read(String json, String file) {
        try {
            return MAPPER.readValue(json, RunbookPlan.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidInputException(
                    "not a valid plan: " + e.getOriginalMessage(),
                    new org.runbook.coauthor.error.SourcePosition(
                            file, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr()),
                    e);
        }
    }

    /** The plan as a tree of maps and lists, for embedding in larger JSON documents. */
    public static Object toTree(RunbookPlan plan) {
        return MAPPER.convertValue(plan, Object.class);
    }
}
