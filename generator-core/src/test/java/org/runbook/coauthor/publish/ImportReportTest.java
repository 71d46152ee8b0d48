package org.runbook.coauthor.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.publish.ImportReport.JobOutcome;
import org.runbook.coauthor.publish.ImportReport.Kind;

class ImportReportTest {
    private static final String ANSWER =
            """
            {"succeeded": [{"index": 3, "href": "https://rd/api/48/job/b2", "id": "b2", "name": "restart",
                            "group": "", "project": "ops", "permalink": "https://rd/project/ops/job/show/b2"}],
             "failed": [{"index": 1, "name": "deploy", "group": "app/dev", "project": "ops",
                         "error": "Workflow must have at least one step\\nInvalid Option definition: x"}],
             "skipped": [{"index": 2, "id": "c3", "href": "h", "permalink": "https://rd/project/ops/job/show/c3",
                          "name": "backup", "group": "db", "project": "ops",
                          "error": "A Job named 'backup' already exists"}]}
            """;

    @Test
    void should_list_the_jobs_in_document_order_with_their_outcome() {
        ImportReport report = ImportReport.parse(ANSWER);

        assertEquals(
                List.of(
                        new JobOutcome(
                                Kind.FAILED,
                                1,
                                "deploy",
                                "app/dev",
                                "",
                                "",
                                "Workflow must have at least one step\nInvalid Option definition: x"),
                        new JobOutcome(
                                Kind.SKIPPED,
                                2,
                                "backup",
                                "db",
                                "c3",
                                "https://rd/project/ops/job/show/c3",
                                "A Job named 'backup' already exists"),
                        new JobOutcome(
                                Kind.SUCCEEDED, 3, "restart", "", "b2", "https://rd/project/ops/job/show/b2", "")),
                report.jobs());
        assertEquals(1, report.count(Kind.SKIPPED));
        assertFalse(report.ok());
    }

    @Test
    void should_name_a_job_by_group_and_name_or_by_name_alone() {
        ImportReport report = ImportReport.parse(ANSWER);

        assertEquals("app/dev/deploy", report.jobs().get(0).path());
        assertEquals("restart", report.jobs().get(2).path());
    }

    @Test
    void should_be_ok_when_jobs_are_only_skipped_or_succeeded() {
        ImportReport report = ImportReport.parse(
                "{\"succeeded\": [], \"failed\": [], \"skipped\": [{\"index\": 1, \"name\": \"x\", \"group\": null}]}");

        assertTrue(report.ok());
        assertEquals("", report.jobs().get(0).group());
    }

    @Test
    void should_say_the_answer_is_not_json_and_quote_its_start_when_it_is_garbage() {
        NonRetriableException e = assertThrows(
                NonRetriableException.class, () -> ImportReport.parse("<html><title>Login</title></html>"));

        assertTrue(
                e.getMessage().startsWith("Rundeck's answer is not a job import report: it is not JSON"),
                e.getMessage());
        assertTrue(e.getMessage().contains("began with \"<html><title>Login</title></html>\""), e.getMessage());
        assertTrue(
                e.getMessage().endsWith("check that the URL is the base address of a Rundeck server"), e.getMessage());
    }

    @Test
    void should_reject_json_that_is_not_an_import_report() {
        assertEquals(
                "it is not a JSON object",
                reason(assertThrows(NonRetriableException.class, () -> ImportReport.parse("[1, 2]"))));
        assertEquals(
                "it has none of \"succeeded\", \"failed\", \"skipped\"",
                reason(assertThrows(NonRetriableException.class, () -> ImportReport.parse("{\"ok\": true}"))));
        assertEquals(
                "\"succeeded\" is not a list",
                reason(assertThrows(NonRetriableException.class, () -> ImportReport.parse("{\"succeeded\": {}}"))));
        assertEquals(
                "an entry of \"failed\" is not an object",
                reason(assertThrows(NonRetriableException.class, () -> ImportReport.parse("{\"failed\": [7]}"))));
        assertThrows(NonRetriableException.class, () -> ImportReport.parse(""));
    }

    private static String reason(NonRetriableException e) {
        String m = e.getMessage();
        return m.substring("Rundeck's answer is not a job import report: ".length(), m.indexOf("; the answer began"));
    }
}
