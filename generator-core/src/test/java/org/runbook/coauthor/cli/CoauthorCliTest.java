package org.runbook.coauthor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.validate.Validator;
import picocli.CommandLine;

class CoauthorCliTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = CoauthorCli.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void should_print_a_valid_rundeck_job_for_the_canonical_request() {
        Run r = run(
                "generate",
                "--category",
                "Data Transfers",
                "Help me write an automated runbook that transfers a"
                        + " file from a directory on a remote node to an S3 bucket in AWS. I should be able to specify the"
                        + " hostname of the remote node, the file name and the S3 bucket.");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("- "), r.out());
        assertTrue(r.out().contains("filter: 'name: ${option.hostname}'"), r.out());
        assertTrue(r.out().contains("aws s3 cp"), r.out());
        assertEquals(List.of(), new Validator().validate(r.out(), "job.yaml"));
    }

    @Test
    void should_write_the_report_to_stderr_and_keep_stdout_importable() {
        Run r = run("generate", "--report", "Restart the nginx service on the nodes I pick");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("blocks: "), r.err());
        assertFalse(r.out().contains("status:"), r.out());
    }

    @Test
    void should_exit_2_with_one_line_when_the_request_is_blank() {
        Run r = run("generate", "   ");
        assertEquals(2, r.exit());
        assertEquals("coauthor: request text cannot be null or blank", r.err().strip());
    }

    @Test
    void should_exit_2_when_the_request_is_over_the_size_limit() {
        Run r = run("generate", "x".repeat(GenerationRequest.MAX_TEXT_LENGTH + 1));
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("the limit is " + GenerationRequest.MAX_TEXT_LENGTH), r.err());
    }

    @Test
    void should_exit_2_and_list_the_valid_categories_when_the_category_is_unknown() {
        Run r = run("generate", "--category", "Gardening", "restart nginx");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown category \"Gardening\""), r.err());
        assertTrue(r.err().contains("valid values: Access Management, Data Transfers"), r.err());
    }

    @Test
    void should_exit_1_and_name_the_nearest_blocks_when_nothing_fits() {
        Run r = run("generate", "bake a chocolate cake for the team party");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no confident match"), r.err());
        assertTrue(r.err().contains("nearest: "), r.err());
        assertEquals("", r.out());
    }

    @Test
    void should_refuse_a_request_that_destroys_a_machine() {
        Run r = run("generate", "Wipe the root filesystem with rm -rf / on every node");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("[SEC001]"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void should_exit_2_with_synopsis_and_help_hint_on_an_unknown_flag() {
        Run r = run("generate", "--colour", "x");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("Run 'coauthor generate --help'"), r.err());
    }

    @Test
    void should_write_the_job_only_when_it_validates(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("restart.yaml");
        assertEquals(
                0,
                run("generate", "-o", ok.toString(), "Restart the nginx service on the nodes I pick")
                        .exit());
        assertTrue(Files.readString(ok).contains("systemctl"));
        Path none = dir.resolve("none.yaml");
        assertEquals(
                1,
                run("generate", "-o", none.toString(), "bake a chocolate cake").exit());
        assertFalse(Files.exists(none));
    }

    @Test
    void should_list_categories_with_block_counts() {
        Run r = run("categories");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("(?s).*Data Transfers \\(\\d+ blocks\\).*"), r.out());
    }

    @Test
    void should_document_the_exit_codes_in_help() {
        Run r = run("--help");
        assertTrue(r.out().contains("2  bad usage"), r.out());
    }
}
