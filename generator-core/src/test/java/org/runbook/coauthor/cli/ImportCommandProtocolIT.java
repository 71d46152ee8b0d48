package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.publish.FakeRundeck;

/** {@code coauthor import} and {@code generate --import} against a local server speaking Rundeck's import API. */
class ImportCommandProtocolIT {
    static final String TOKEN_ENV = "COAUTHOR_IT_RD_TOKEN";
    static final String TWO_JOBS =
            """
            - name: Restart nginx
              group: ops/web
              description: Restart the nginx service on the web nodes
              loglevel: INFO
              nodefilters:
                filter: 'tags: web'
              sequence:
                keepgoing: false
                strategy: node-first
                commands:
                  - description: Restart nginx
                    exec: sudo systemctl restart nginx
            - name: Rotate logs
              group: ops/db
              description: Rotate the database logs
              loglevel: INFO
              nodefilters:
                filter: 'tags: db'
              sequence:
                keepgoing: false
                strategy: node-first
                commands:
                  - description: Rotate the logs
                    exec: sudo logrotate -f /etc/logrotate.d/postgresql
            """;

    private static final String CANONICAL = "Help me write an automated runbook that transfers a file from a directory"
            + " on a remote node to an S3 bucket in AWS. I should be able to specify the hostname of the remote node,"
            + " the file name and the S3 bucket.";

    @TempDir
    Path tmp;

    private String token;
    private FakeRundeck rundeck;

    @BeforeEach
    void start() throws IOException {
        token = System.getenv(TOKEN_ENV);
        assumeTrue(token != null && !token.isBlank(), TOKEN_ENV + " is set by the failsafe configuration");
        rundeck = new FakeRundeck(token, "ops");
    }

    @AfterEach
    void stop() {
        if (rundeck != null) {
            rundeck.close();
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }

    private CoauthorCliTest.Run importing(String url, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("import", "--url", url, "--project", "ops", "--token-env", TOKEN_ENV));
        args.addAll(List.of(more));
        CoauthorCliTest.Run r = CoauthorCliTest.run(args.toArray(String[]::new));
        assertFalse(r.out().contains(token) || r.err().contains(token), "the token leaked:\n" + r.out() + r.err());
        return r;
    }

    @Test
    void should_import_the_file_as_is_and_report_each_job_with_id_and_permalink() throws IOException {
        Path jobs = file("jobs.yaml", TWO_JOBS);

        CoauthorCliTest.Run r = importing(rundeck.url() + "/", jobs.toString());

        assertEquals(0, r.exit(), r.out() + r.err());
        FakeRundeck.Received sent = rundeck.received().get(0);
        assertEquals(1, rundeck.received().size());
        assertEquals("POST", sent.method());
        assertEquals("/api/48/project/ops/jobs/import", sent.path());
        assertEquals(Map.of("fileformat", "yaml", "dupeOption", "create", "uuidOption", "preserve"), sent.query());
        assertEquals("application/yaml", sent.headers().get("content-type"));
        assertEquals("application/json", sent.headers().get("accept"));
        assertEquals(TWO_JOBS, sent.body());
        String id = "0f1e2d3c-0000-4000-8000-000000000001";
        assertTrue(
                r.out()
                        .contains("succeeded  ops/web/Restart nginx  " + id + "  " + rundeck.url()
                                + "/project/ops/job/show/" + id),
                r.out());
        assertTrue(r.out().contains("succeeded  ops/db/Rotate logs  0f1e2d3c-0000-4000-8000-000000000002"), r.out());
        assertTrue(r.err().contains("2 job(s) succeeded, 0 failed, 0 skipped"), r.err());
    }

    @Test
    void should_report_both_jobs_and_exit_1_when_rundeck_fails_one_of_two() throws IOException {
        rundeck.deny("ops/db");

        CoauthorCliTest.Run r =
                importing(rundeck.url(), file("jobs.yaml", TWO_JOBS).toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("succeeded  ops/web/Restart nginx  0f1e2d3c-"), r.out());
        assertTrue(r.out().contains("failed     ops/db/Rotate logs  Unauthorized: Create Job"), r.out());
        assertTrue(r.err().contains("1 job(s) succeeded, 1 failed, 0 skipped"), r.err());
    }

    @Test
    void should_report_a_skipped_job_and_exit_0_when_dupe_is_skip_and_the_job_exists() throws IOException {
        Path jobs = file("jobs.yaml", TWO_JOBS);
        assertEquals(0, importing(rundeck.url(), jobs.toString()).exit());

        CoauthorCliTest.Run r = importing(rundeck.url(), "--dupe", "skip", jobs.toString());

        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("skip", rundeck.received().get(1).query().get("dupeOption"));
        assertTrue(
                r.out().contains("skipped    ops/web/Restart nginx  A Job named 'Restart nginx' already exists"),
                r.out());
        assertTrue(r.err().contains("0 job(s) succeeded, 0 failed, 2 skipped"), r.err());
    }

    @Test
    void should_say_the_token_was_refused_and_name_its_variable_when_rundeck_answers_401() throws IOException {
        try (FakeRundeck other = new FakeRundeck("a-different-token", "ops")) {
            CoauthorCliTest.Run r =
                    importing(other.url(), file("jobs.yaml", TWO_JOBS).toString());

            assertEquals(1, r.exit(), r.out() + r.err());
            assertEquals(token, other.received().get(0).headers().get("x-rundeck-auth-token"));
            assertTrue(
                    r.out().contains("Rundeck refused the API token (HTTP 401: Unauthorized: not authenticated)"),
                    r.out());
            assertTrue(r.out().contains("$" + TOKEN_ENV), r.out());
        }
    }

    @Test
    void should_show_rundecks_text_when_it_does_not_support_the_format() throws IOException {
        rundeck.formats("yaml");

        String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(TWO_JOBS));

        CoauthorCliTest.Run r = importing(rundeck.url(), file("jobs.json", json).toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("application/json", rundeck.received().get(0).headers().get("content-type"));
        assertTrue(
                r.out()
                        .contains(
                                "does not accept this job format (HTTP 415: The specified format is not supported: json)"),
                r.out());
    }

    @Test
    void should_send_a_json_file_as_application_json_with_fileformat_json() throws IOException {
        String json = new ObjectMapper().writeValueAsString(new ObjectMapper(new YAMLFactory()).readTree(TWO_JOBS));

        CoauthorCliTest.Run r = importing(
                rundeck.url(), "--uuid", "remove", file("jobs.json", json).toString());

        assertEquals(0, r.exit(), r.out() + r.err());
        FakeRundeck.Received sent = rundeck.received().get(0);
        assertEquals("application/json", sent.headers().get("content-type"));
        assertEquals(Map.of("fileformat", "json", "dupeOption", "create", "uuidOption", "remove"), sent.query());
        assertEquals(json, sent.body());
        assertTrue(r.err().contains("2 job(s) succeeded"), r.err());
    }

    @Test
    void should_name_url_project_and_api_version_when_rundeck_answers_404() throws IOException {
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "import",
                "--url",
                rundeck.url(),
                "--project",
                "nope",
                "--token-env",
                TOKEN_ENV,
                file("jobs.yaml", TWO_JOBS).toString(),
                file("more.yaml", TWO_JOBS).toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(
                r.out()
                        .contains("(HTTP 404: Project does not exist: nope); check the Rundeck base URL, the project"
                                + " name \"nope\" and the API version 48"),
                r.out());
        assertEquals(1, rundeck.received().size(), "the second file is not sent after a 404");
        assertTrue(r.out().contains("not-sent   " + tmp.resolve("more.yaml")), r.out());
    }

    @Test
    void should_fail_with_the_url_when_nothing_listens_on_the_port() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        CoauthorCliTest.Run r = importing(
                "http://127.0.0.1:" + port, file("jobs.yaml", TWO_JOBS).toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(
                r.out().contains("cannot connect to http://127.0.0.1:" + port + "/api/48/project/ops/jobs/import"),
                r.out());
    }

    @Test
    void should_fail_with_the_url_when_the_server_drops_the_connection() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            Thread dropper = new Thread(() -> {
                try (Socket c = s.accept()) {
                    c.getInputStream().read(new byte[256]);
                } catch (IOException e) {
                    // The test asserts what the client saw.
                }
            });
            dropper.start();

            CoauthorCliTest.Run r = importing(
                    "http://127.0.0.1:" + s.getLocalPort(),
                    file("jobs.yaml", TWO_JOBS).toString());

            dropper.join(10_000);
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(
                    r.out().contains("the connection to http://127.0.0.1:" + s.getLocalPort() + "/api/48/"), r.out());
        }
    }

    @Test
    void should_fail_with_the_url_when_rundeck_does_not_answer_within_the_timeout() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            Thread silent = new Thread(() -> {
                try (Socket c = s.accept()) {
                    done.await();
                } catch (IOException | InterruptedException e) {
                    // The test asserts what the client saw.
                }
            });
            silent.start();

            CoauthorCliTest.Run r = importing(
                    "http://127.0.0.1:" + s.getLocalPort(),
                    "--timeout",
                    "1",
                    file("jobs.yaml", TWO_JOBS).toString());

            done.countDown();
            silent.join(10_000);
            assertEquals(1, r.exit(), r.out() + r.err());
            assertTrue(
                    r.out()
                            .contains("Rundeck at http://127.0.0.1:" + s.getLocalPort()
                                    + "/api/48/project/ops/jobs/import?fileformat=yaml&dupeOption=create&uuidOption=preserve"
                                    + " did not answer within 1 s"),
                    r.out());
        }
    }

    @Test
    void should_refuse_a_job_with_an_error_finding_and_send_nothing() throws IOException {
        Path bad = file(
                "upload.yaml",
                """
                - name: Upload a file
                  group: ops
                  description: Upload a report to a bucket
                  loglevel: INFO
                  options:
                    - name: bucket
                      description: Target bucket
                      required: true
                      regex: ^[a-z0-9.-]+$
                  sequence:
                    keepgoing: false
                    strategy: node-first
                    commands:
                      - description: Upload
                        exec: aws s3 cp /tmp/report.csv s3://${option.bucket_name}/
                """);

        CoauthorCliTest.Run r = importing(rundeck.url(), bad.toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(List.of(), rundeck.received());
        assertTrue(r.err().contains(bad + ":15:"), r.err());
        assertTrue(r.err().contains("[RD101]"), r.err());
        assertTrue(r.out().contains("refused    " + bad + "  "), r.out());
        assertTrue(r.out().contains(" error finding(s); nothing was sent"), r.out());
    }

    @Test
    void should_print_a_machine_readable_report_with_format_json() throws IOException {
        rundeck.deny("ops/db");

        CoauthorCliTest.Run r = importing(
                rundeck.url(), "--format", "json", file("jobs.yaml", TWO_JOBS).toString());

        assertEquals(1, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.get("ok").asBoolean());
        JsonNode jobs = json.at("/files/0/jobs");
        assertEquals("succeeded", jobs.get(0).get("outcome").asText());
        assertEquals("ops/web", jobs.get(0).get("group").asText());
        assertTrue(jobs.get(0).get("permalink").asText().startsWith(rundeck.url() + "/project/ops/job/show/"));
        assertEquals("failed", jobs.get(1).get("outcome").asText());
        assertEquals("Unauthorized: Create Job", jobs.get(1).get("error").asText());
        assertEquals(1, json.at("/summary/failed").asInt());
    }

    @Test
    void should_import_exactly_the_generated_yaml_with_generate_import() throws IOException {
        Path out = tmp.resolve("transfer.yaml");

        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--category",
                "Data Transfers",
                "--import",
                "--url",
                rundeck.url(),
                "--project",
                "ops",
                "--token-env",
                TOKEN_ENV,
                "--dupe",
                "update",
                "--out",
                out.toString(),
                CANONICAL);

        assertEquals(0, r.exit(), r.err());
        assertEquals(1, rundeck.received().size());
        assertEquals(Files.readString(out), rundeck.received().get(0).body());
        assertEquals("update", rundeck.received().get(0).query().get("dupeOption"));
        assertTrue(r.err().contains("succeeded  "), r.err());
        assertFalse(r.out().contains(token) || r.err().contains(token));
    }

    @Test
    void should_add_the_import_report_to_the_json_of_generate() throws IOException {
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--category",
                "Data Transfers",
                "--import",
                "--url",
                rundeck.url(),
                "--project",
                "ops",
                "--token-env",
                TOKEN_ENV,
                "--format",
                "json",
                CANONICAL);

        assertEquals(0, r.exit(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(json.get("artifact").asText(), rundeck.received().get(0).body());
        assertEquals("imported", json.at("/import/files/0/status").asText());
        assertEquals("succeeded", json.at("/import/files/0/jobs/0/outcome").asText());
        assertTrue(json.at("/import/ok").asBoolean());
    }

    @Test
    void should_send_nothing_and_exit_1_when_the_generation_is_refused() {
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--import",
                "--url",
                rundeck.url(),
                "--project",
                "ops",
                "--token-env",
                TOKEN_ENV,
                "Wipe the root filesystem with rm -rf / on every node");

        assertEquals(1, r.exit(), r.err());
        assertEquals(List.of(), rundeck.received());
        assertTrue(r.err().contains("refused    generated job  the generation ended"), r.err());
    }
}
