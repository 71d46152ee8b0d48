package org.runbook.coauthor.author.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.json.PlanJson;

/** Drives the real langchain4j Ollama client against a local server speaking /api/chat. */
class OllamaProtocolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeProvider server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void should_send_the_plan_schema_as_the_format_and_read_the_plan() throws IOException {
        String text = "Restart nginx on the nodes I pick, then verify that it is active";
        String plan = PlanJson.write(OfflineAuthor.bundled()
                .draft(GenerationRequest.builder().text(text).build()));
        server = new FakeProvider();
        server.reply(
                200,
                JSON.writeValueAsString(Map.of(
                        "model",
                        "llama-test",
                        "created_at",
                        "2026-01-01T00:00:00Z",
                        "message",
                        Map.of("role", "assistant", "content", plan),
                        "done",
                        true,
                        "done_reason",
                        "stop",
                        "prompt_eval_count",
                        12,
                        "eval_count",
                        34)));
        LlmAuthor author = LlmAuthor.create(
                LlmSettings.builder()
                        .provider("ollama")
                        .model("llama-test")
                        .baseUrl(server.url())
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                Map.of(),
                r -> new LlmAuthor.Grounding(null, List.of()));

        RunbookPlan drafted =
                author.draft(GenerationRequest.builder().text(text).build());

        assertEquals("ollama", drafted.provenance().author());
        FakeProvider.Received sent = server.received().get(0);
        assertTrue(sent.path().endsWith("/api/chat"), sent.path());
        JsonNode format = JSON.readTree(sent.body()).path("format");
        assertTrue(
                format.path("required").toString().contains("steps"),
                JSON.readTree(sent.body()).toString());
    }
}
