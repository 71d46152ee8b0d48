package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.batch.BatchEntry;
import org.runbook.coauthor.batch.RequestsFile;
import org.runbook.coauthor.plan.Target;
import picocli.CommandLine;

class BatchCommandTest {
    @Test
    void should_write_one_job_per_request_and_a_results_line_each_when_one_entry_fails(@TempDir Path dir)
            throws Exception {
        Path in = dir.resolve("requests.yaml");
        Files.writeString(
                in,
                """
                - id: restart
                  category: Service Restarts
                  request: Restart the nginx service on the nodes I pick, then verify that it is active.
                - id: cake
                  request: bake a chocolate cake for the team
                - id: scale
                  target: rundeck
                  request: Scale a Kubernetes deployment to a given number of replicas in a namespace.
                """);
        Path out = dir.resolve("out");
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("batch", "--in", in.toString(), "--out", out.toString(), "--parallel", "2");
        assertEquals(1, r.exit(), r.err());
        assertTrue(Files.exists(out.resolve("restart.yaml")));
        assertTrue(Files.exists(out.resolve("scale.yaml")));
        assertFalse(Files.exists(out.resolve("cake.yaml")));
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(3, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("restart", first.get("id").asText());
        assertTrue(first.get("ok").asBoolean());
        assertEquals("restart.yaml", first.get("artifact").asText());
        assertTrue(first.get("findings").isArray());
        assertTrue(first.get("millis").isNumber());
        JsonNode cake = json.readTree(lines.get(1));
        assertFalse(cake.get("ok").asBoolean());
        assertTrue(cake.get("artifact").isNull());
        assertTrue(r.err().contains("2/3 cake no-match"), r.err());
    }

    @Test
    void should_give_entries_without_a_target_the_one_of_the_target_flag(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("requests.yaml");
        Files.writeString(
                in, "- id: a\n  request: restart nginx\n- id: b\n  target: rundeck\n  request: restart apache\n");
        BatchCommand command = CommandLine.populateCommand(
                new BatchCommand(), "--in", in.toString(), "--out", dir.toString(), "--target", "jenkins");
        assertEquals(Target.JENKINS, command.target);
        List<BatchEntry> entries = RequestsFile.read(in, command.target);
        assertEquals(Target.JENKINS, entries.get(0).target());
        assertEquals(Target.RUNDECK, entries.get(1).target());
        assertEquals(Target.RUNDECK, RequestsFile.read(in).get(0).target());
    }

    @Test
    void should_exit_2_and_write_nothing_when_an_entry_has_no_id(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("requests.yaml");
        Files.writeString(in, "- id: a\n  request: restart nginx\n- request: restart apache\n");
        Path out = dir.resolve("out");
        CoauthorCliTest.Run r = CoauthorCliTest.run("batch", "--in", in.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("entry 2 has no id"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void should_exit_2_when_the_requests_file_cannot_be_read(@TempDir Path dir) {
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "batch",
                "--in",
                dir.resolve("missing.yaml").toString(),
                "--out",
                dir.resolve("out").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot read the requests file"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void should_exit_2_when_the_requests_file_is_a_yaml_bomb(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append(", *")
                    .append(p)
                    .append("]\n");
        }
        Path in = dir.resolve("bomb.yaml");
        Files.writeString(in, bomb.toString());
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "batch", "--in", in.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit(), r.err());
    }
}
