package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.publish.ImportRequest;
import org.runbook.coauthor.publish.JobFormat;
import org.runbook.coauthor.publish.RundeckImporter;
import picocli.CommandLine;

/** Parsing and checking of the import options; every case here fails before anything is sent. */
class ImportOptionsTest {
    /** Nothing listens on port 1: a test that reached the network would fail with exit 1, not 2. */
    private static final String NOWHERE = "http://127.0.0.1:1";

    private static final String UNSET = "COAUTHOR_TEST_UNSET_TOKEN_VAR_5F2";

    @TempDir
    Path tmp;

    private String job() throws IOException {
        return Files.writeString(tmp.resolve("job.yaml"), "- name: x\n").toString();
    }

    @Test
    void should_default_to_create_preserve_api_48_rd_token_and_60_seconds() {
        ImportCommand c = CommandLine.populateCommand(new ImportCommand(), "job.yaml");

        assertEquals(ImportRequest.Dupe.CREATE, c.target.dupe);
        assertEquals(ImportRequest.Uuid.PRESERVE, c.target.uuid);
        assertEquals(48, c.target.apiVersion);
        assertEquals("RD_TOKEN", c.target.tokenEnv);
        assertEquals(60, c.timeoutSeconds);
        assertNull(c.fileFormat);
    }

    @Test
    void should_parse_every_import_option() {
        ImportCommand c = CommandLine.populateCommand(
                new ImportCommand(),
                "--url",
                "https://rd.example.com",
                "--project",
                "ops",
                "--token-env",
                "MY_TOKEN",
                "--dupe",
                "update",
                "--uuid",
                "remove",
                "--api-version",
                "44",
                "--file-format",
                "JSON",
                "--timeout",
                "5",
                "a.json");

        assertEquals(ImportRequest.Dupe.UPDATE, c.target.dupe);
        assertEquals(ImportRequest.Uuid.REMOVE, c.target.uuid);
        assertEquals(44, c.target.apiVersion);
        assertEquals(JobFormat.JSON, c.fileFormat);
        assertEquals(5, c.timeoutSeconds);
        assertEquals("MY_TOKEN", c.target.tokenEnv);
    }

    @Test
    void should_build_the_importer_from_the_options_and_the_named_variable() {
        ImportCommand c = CommandLine.populateCommand(
                new ImportCommand(), "--url", "https://rd.example.com/", "--project", "ops", "--token-env", "T", "x");
        CommandLine cmd = new CommandLine(c);

        RundeckImporter importer = c.target.importer(cmd.getCommandSpec(), Map.of("T", "secret-1"), 60);

        assertEquals("https://rd.example.com", importer.baseUrl().toString());
        assertEquals(48, importer.apiVersion());
        assertFalse(importer.toString().contains("secret-1"));
    }

    @Test
    void should_name_the_variable_when_the_token_is_missing_or_empty() {
        ImportCommand c = CommandLine.populateCommand(new ImportCommand(), "--url", NOWHERE, "--project", "ops", "x");
        CommandLine cmd = new CommandLine(c);

        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> c.target.importer(cmd.getCommandSpec(), Map.of("RD_TOKEN", " "), 60));

        assertEquals(
                "environment variable RD_TOKEN holding the Rundeck API token is not set or empty; export the token in"
                        + " it or name another variable with --token-env",
                e.getMessage());
    }

    @Test
    void should_exit_2_and_name_the_variable_when_the_token_variable_is_unset() throws IOException {
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "ops", "--token-env", UNSET, job());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("environment variable " + UNSET + " holding the Rundeck API token"), r.err());
    }

    @Test
    void should_exit_2_with_the_valid_values_for_an_unknown_dupe_option() throws IOException {
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "ops", "--dupe", "merge", job());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("expected one of [create, update, skip] but was 'merge'"), r.err());
        assertTrue(r.err().contains("Run 'coauthor import --help'"), r.err());
    }

    @Test
    void should_exit_2_when_url_or_project_is_missing() throws IOException {
        CoauthorCliTest.Run noUrl = CoauthorCliTest.run("import", "--project", "ops", job());
        CoauthorCliTest.Run noProject = CoauthorCliTest.run("import", "--url", NOWHERE, job());

        assertEquals(2, noUrl.exit());
        assertTrue(noUrl.err().contains("Missing required option: '--url=URL'"), noUrl.err());
        assertEquals(2, noProject.exit());
        assertTrue(noProject.err().contains("Missing required option: '--project=PROJECT'"), noProject.err());
    }

    @Test
    void should_exit_2_for_a_project_name_rundeck_would_not_accept() throws IOException {
        CoauthorCliTest.Run r = CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "my project", job());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--project \"my project\" is not a valid Rundeck project name"), r.err());
    }

    @Test
    void should_exit_2_for_a_url_with_a_password_without_repeating_it() throws IOException {
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("import", "--url", "https://me:pa55word@rd.example.com", "--project", "ops", job());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("must not contain a user name or password"), r.err());
        assertFalse(r.err().contains("pa55word"), r.err());
    }

    @Test
    void should_exit_2_for_json_below_api_version_44_before_reading_the_token() throws IOException {
        Path json = Files.writeString(tmp.resolve("job.json"), "[{\"name\": \"x\"}]");

        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "import",
                "--url",
                NOWHERE,
                "--project",
                "ops",
                "--api-version",
                "43",
                "--token-env",
                UNSET,
                json.toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the json format needs --api-version 44 or later"), r.err());
        assertFalse(r.err().contains(UNSET), r.err());
    }

    @Test
    void should_exit_2_for_an_api_version_without_the_import_endpoint_or_a_zero_timeout() throws IOException {
        CoauthorCliTest.Run old =
                CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "ops", "--api-version", "13", job());
        CoauthorCliTest.Run zero =
                CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "ops", "--timeout", "0", job());

        assertEquals(2, old.exit());
        assertTrue(old.err().contains("--api-version 13 has no job import endpoint"), old.err());
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--timeout must be at least 1 second"), zero.err());
    }

    @Test
    void should_exit_2_for_sarif_output() throws IOException {
        CoauthorCliTest.Run r =
                CoauthorCliTest.run("import", "--url", NOWHERE, "--project", "ops", "--format", "sarif", job());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--format sarif is not available for import"), r.err());
    }

    @Test
    void should_exit_2_when_generate_import_targets_jenkins() {
        CoauthorCliTest.Run r = CoauthorCliTest.run(
                "generate",
                "--target",
                "jenkins",
                "--import",
                "--url",
                NOWHERE,
                "--project",
                "ops",
                "restart nginx on the web nodes");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--import works only with --target rundeck"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void should_exit_2_when_generate_import_has_no_url() {
        CoauthorCliTest.Run r = CoauthorCliTest.run("generate", "--import", "--project", "ops", "restart nginx");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("Missing required option: '--url=URL'"), r.err());
        assertEquals("", r.out());
    }
}
