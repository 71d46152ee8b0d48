package org.runbook.coauthor.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.json.PlanJson;

/** Plans the author drafts match the plan schema in job-schemas, and survive a JSON round trip. */
class PlanSchemaTest {
    private static JsonSchema schema;
    private static OfflineAuthor author;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = PlanSchemaTest.class.getResourceAsStream("/coauthor/schemas/runbook-plan.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        }
        author = OfflineAuthor.bundled();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Copy a file from a remote node to S3. I should be able to specify the hostname, the file name and the bucket.",
                "Back up a PostgreSQL database with pg_dump and upload the dump to S3",
                "Drop the staging database on the database server",
                "Scale a Kubernetes deployment to 4 replicas in the shop namespace"
            })
    void should_match_the_plan_schema_and_round_trip(String request) throws Exception {
        RunbookPlan plan =
                author.draft(GenerationRequest.builder().text(request).build());
        String json = PlanJson.write(plan);
        JsonNode tree = new ObjectMapper().readTree(json);
        Set<ValidationMessage> messages = schema.validate(tree);
        assertEquals(Set.of(), messages, json);
        assertEquals(plan, PlanJson.read(json, "plan.json"));
    }

    @Test
    void should_round_trip_a_plan_with_a_schedule_and_match_the_schema() throws Exception {
        RunbookPlan plan = author.draft(GenerationRequest.builder()
                .text(
                        "Warn me about TLS certificates that expire within 21 days for the domains I list, every day at 14:30 UTC")
                .build());
        assertEquals(new PlanSchedule("30 14 * * *", "UTC", "every day at 14:30 UTC", false), plan.schedule());
        String json = PlanJson.write(plan);
        assertEquals(Set.of(), schema.validate(new ObjectMapper().readTree(json)), json);
        assertTrue(json.contains("\"schedule\" : {"), json);
        assertEquals(plan, PlanJson.read(json, "plan.json"));
    }

    @Test
    void should_write_no_schedule_key_for_a_plan_without_schedule() {
        RunbookPlan plan = author.draft(GenerationRequest.builder()
                .text("Back up a PostgreSQL database with pg_dump and upload the dump to S3")
                .build());
        assertNull(plan.schedule());
        assertFalse(PlanJson.write(plan).contains("schedule"));
    }

    @Test
    void should_reject_a_schedule_the_schema_and_the_record_refuse() throws Exception {
        String json = "{\"name\": \"x\", \"target\": {\"runOn\": \"server\", \"threadcount\": 1},"
                + " \"steps\": [{\"id\": \"a\", \"title\": \"t\", \"action\": \"command\"}],"
                + " \"schedule\": {\"cron\": \"0 0 2 ? * *\"}, \"provenance\": {\"author\": \"offline\"}}";
        assertFalse(schema.validate(new ObjectMapper().readTree(json)).isEmpty());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlanJson.read(json, "plan.json"));
        assertTrue(e.getMessage().contains("has 6 fields; write 5"), e.getMessage());
    }

    @Test
    void should_reject_a_plan_that_breaks_the_records_rules_with_its_position() {
        String json =
                "{\"name\": \"x\", \"target\": {\"runOn\": \"server\", \"threadcount\": 1, \"keepgoing\": false},\n"
                        + " \"steps\": [], \"provenance\": {\"author\": \"offline\"}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlanJson.read(json, "plan.json"));
        assertFalse(e.getMessage().isBlank());
        assertEquals("plan.json", e.position().file());
    }

    @Test
    void should_reject_an_unknown_action_and_name_the_valid_ones() {
        String json = "{\"name\": \"x\", \"target\": {\"runOn\": \"server\", \"threadcount\": 1, \"keepgoing\": false},"
                + " \"steps\": [{\"id\": \"a\", \"title\": \"t\", \"action\": \"teleport\"}],"
                + " \"provenance\": {\"author\": \"offline\"}}";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PlanJson.read(json, "plan.json"));
        assertFalse(List.of().equals(List.of(e.getMessage())));
    }
}
