package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.author.llm.FakeProvider;
import org.runbook.coauthor.author.llm.OpenAiProtocolIT;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.json.PlanJson;

/** The CLI end to end with {@code --provider openai} against a local OpenAI-protocol server. */
class CliProtocolIT {
    private static final String REQUEST =
            "Restart the nginx service on the nodes I pick, then verify that it is active.";

    @TempDir
    Path tmp;

    private FakeProvider server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeProvider();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path config(String yaml) throws Exception {
        return Files.writeString(tmp.resolve("llm.yaml"), yaml);
    }

    @Test
    void should_generate_a_validated_job_with_the_llm_provenance_in_the_report() throws Exception {
        String plan = PlanJson.write(OfflineAuthor.bundled()
                .draft(GenerationRequest.builder().text(REQUEST).build()));
        server.reply(200, OpenAiProtocolIT.completion(plan));
        Path audit = tmp.resolve("audit.jsonl");

        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--provider",
                "openai",
                "--model",
                "gpt-test",
                "--base-url",
                server.url() + "/v1",
                "--audit",
                audit.toString(),
                "--report",
                REQUEST);

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("nginx"), r.out());
        assertTrue(r.err().contains("author: openai"), r.err());
        assertTrue(r.err().contains("prompt sha256"), r.err());
        String line = Files.readString(audit);
        assertTrue(line.contains("\"provider\":\"openai\"") && !line.contains("nginx"), line);
    }

    @Test
    void should_use_the_offline_author_when_the_provider_fails_and_fallback_is_offline() throws Exception {
        server.otherwise(500, "{\"error\":{\"message\":\"down\"}}");
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--provider",
                "openai",
                "--base-url",
                server.url() + "/v1",
                "--llm-config",
                config("max_retries: 0\n").toString(),
                "--audit",
                tmp.resolve("a.jsonl").toString(),
                "--fallback",
                "offline",
                "--report",
                REQUEST);

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("offline author used") && r.err().contains("HTTP 500"), r.err());
    }

    @Test
    void should_fail_the_remaining_batch_items_fast_when_the_circuit_opens() throws Exception {
        server.otherwise(500, "{\"error\":{\"message\":\"down\"}}");
        Path in = Files.writeString(
                tmp.resolve("requests.yaml"),
                """
                - id: a
                  request: Restart nginx on the nodes I pick
                - id: b
                  request: Restart nginx on the nodes I pick
                - id: c
                  request: Restart nginx on the nodes I pick
                - id: d
                  request: Restart nginx on the nodes I pick
                """);
        Path out = tmp.resolve("out");
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "batch",
                "--in",
                in.toString(),
                "--out",
                out.toString(),
                "--parallel",
                "1",
                "--provider",
                "openai",
                "--base-url",
                server.url() + "/v1",
                "--audit",
                tmp.resolve("a.jsonl").toString(),
                "--llm-config",
                config("max_retries: 0\ncircuit_threshold: 2\n").toString());

        assertEquals(1, r.exit(), r.err());
        assertEquals(2, server.received().size());
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(4, lines.size());
        assertTrue(lines.get(3).contains("circuit open"), lines.get(3));
        assertFalse(lines.get(0).contains("circuit open"), lines.get(0));
    }
}
