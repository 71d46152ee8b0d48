package org.runbook.coauthor.author.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.json.PlanJson;

/** Azure OpenAI through the OpenAI client: deployment URL, {@code api-key} header, {@code api-version}. */
class AzureOpenAiProtocolIT {
    @Test
    void should_call_the_deployment_with_the_api_key_header_and_api_version() throws Exception {
        String text = "Restart nginx on the nodes I pick, then verify that it is active";
        String plan = PlanJson.write(OfflineAuthor.bundled()
                .draft(GenerationRequest.builder().text(text).build()));
        try (FakeProvider server = new FakeProvider()) {
            server.reply(200, OpenAiProtocolIT.completion(plan));
            LlmAuthor author = LlmAuthor.create(
                    LlmSettings.builder()
                            .provider("azure-openai")
                            .baseUrl(server.url() + "/openai/deployments/gpt4o")
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    Map.of("AZURE_OPENAI_API_KEY", "azure-key-123"),
                    r -> new LlmAuthor.Grounding(null, List.of()));

            assertEquals(
                    "azure-openai",
                    author.draft(GenerationRequest.builder().text(text).build())
                            .provenance()
                            .author());
            FakeProvider.Received sent = server.received().get(0);
            assertTrue(sent.path().startsWith("/openai/deployments/gpt4o/chat/completions?api-version="), sent.path());
            assertEquals(List.of("azure-key-123"), sent.headers().get("Api-key"));
            assertFalse(
                    sent.headers().toString().contains("Bearer azure-key-123"),
                    sent.headers().toString());
        }
    }
}
