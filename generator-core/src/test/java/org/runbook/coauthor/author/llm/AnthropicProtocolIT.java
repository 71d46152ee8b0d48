package org.runbook.coauthor.author.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.json.PlanJson;

/** Drives the real langchain4j Anthropic client against a local server speaking the Messages API. */
class AnthropicProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANONICAL = "Copy a file from a directory on a remote node to an S3 bucket. I should"
            + " be able to specify the hostname, the file name and the bucket.";
    private static String goodPlan;
    private FakeProvider server;
    private LlmAuthor author;

    @BeforeAll
    static void recordPlan() {
        goodPlan = PlanJson.write(OfflineAuthor.bundled()
                .draft(GenerationRequest.builder().text(CANONICAL).build()));
    }

    @BeforeEach
    void start() throws IOException {
        server = new FakeProvider();
        author = LlmAuthor.create(
                LlmSettings.builder()
                        .provider("anthropic")
                        .model("claude-test")
                        .baseUrl(server.url() + "/v1/")
                        .timeout(Duration.ofSeconds(5))
                        .maxRetries(0)
                        .build(),
                Map.of("ANTHROPIC_API_KEY", "sk-ant-test-0000000000000000000000"),
                r -> new LlmAuthor.Grounding(null, List.of()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String message(String text) throws IOException {
        return JSON.writeValueAsString(Map.of(
                "id",
                "msg_1",
                "type",
                "message",
                "role",
                "assistant",
                "model",
                "claude-test",
                "content",
                List.of(Map.of("type", "text", "text", text)),
                "stop_reason",
                "end_turn",
                "usage",
                Map.of("input_tokens", 42, "output_tokens", 17)));
    }

    @Test
    void should_put_the_schema_in_the_prompt_and_read_the_plan_when_the_provider_has_no_schema_format()
            throws IOException {
        server.reply(200, message("```json\n" + goodPlan + "\n```"));
        RunbookPlan plan =
                author.draft(GenerationRequest.builder().text(CANONICAL).build());

        assertEquals("anthropic", plan.provenance().author());
        assertTrue(plan.provenance().notes().toString().contains("tokens in 42, out 17"));
        FakeProvider.Received sent = server.received().get(0);
        assertTrue(sent.path().endsWith("/v1/messages"), sent.path());
        assertEquals(
                List.of("sk-ant-test-0000000000000000000000"), sent.headers().get("X-api-key"));
        JsonNode body = JSON.readTree(sent.body());
        assertTrue(
                body.toString().contains("runbook plan") && body.toString().contains("\\\"steps\\\""), body.toString());
    }

    @Test
    void should_map_an_authentication_failure_to_a_non_retriable_error_without_the_key() throws IOException {
        server.reply(
                401,
                "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                        + "\"message\":\"invalid x-api-key\"}}");
        var e = assertThrows(
                NonRetriableException.class,
                () -> author.draft(GenerationRequest.builder().text(CANONICAL).build()));
        assertTrue(e.getMessage().contains("rejected the credentials"), e.getMessage());
        assertFalse(e.getMessage().contains("sk-ant-test"), e.getMessage());
        assertTrue(e.getCause() != null);
    }
}
