package org.runbook.coauthor.author.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.author.AbstractAuthorContractTest;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.NoConfidentMatchException;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;

class OfflineAuthorTest extends AbstractAuthorContractTest {
    private static OfflineAuthor author;

    @BeforeAll
    static void load() {
        author = OfflineAuthor.bundled();
    }

    @Override
    protected Author author() {
        return author;
    }

    private static RunbookPlan draft(String text) {
        return author.draft(GenerationRequest.builder().text(text).build());
    }

    private static List<String> optionNames(RunbookPlan plan) {
        return plan.options().stream().map(PlanOption::name).toList();
    }

    @Test
    void should_drive_the_node_filter_from_the_host_option_when_the_operator_names_the_host() {
        RunbookPlan plan = draft(CANONICAL);
        assertEquals(RunOn.NODES, plan.target().runOn());
        assertEquals(OptionRefs.of("hostname"), plan.target().nodes().value());
        assertTrue(
                plan.steps().stream().anyMatch(s -> s.toString().contains("s3")),
                plan.steps().toString());
    }

    @Test
    void should_compose_steps_in_the_order_asked_when_the_request_chains_tasks() {
        RunbookPlan plan = draft("Dump the orders database with pg_dump, then upload the dump to an S3 bucket,"
                + " and then restart the api service");
        List<String> blocks = plan.provenance().blocks();
        assertEquals(3, blocks.size(), blocks.toString());
        int dump = indexOfStep(plan, "pg_dump");
        int upload = plan.steps()
                .indexOf(plan.steps().stream()
                        .filter(s -> s.action() == org.runbook.coauthor.plan.Action.S3_UPLOAD)
                        .findFirst()
                        .orElseThrow());
        int restart = indexOfStep(plan, "restart");
        assertTrue(dump < upload && upload < restart, plan.steps().toString());
    }

    @Test
    void should_upload_the_file_the_earlier_block_wrote_when_blocks_are_chained() {
        RunbookPlan plan = draft("Back up a PostgreSQL database with pg_dump and upload the dump to S3");
        PlanStep upload = plan.steps().stream()
                .filter(s -> s.toString().contains("s3"))
                .filter(s -> s.action().name().startsWith("S3"))
                .findFirst()
                .orElseThrow();
        // The upload's source is the dump file, derived from the database option, not a new option.
        assertTrue(upload.param("source").contains(OptionRefs.of("database")), upload.toString());
        assertFalse(optionNames(plan).contains("file_name"), optionNames(plan).toString());
    }

    @Test
    void should_take_literal_values_as_option_defaults() {
        RunbookPlan plan = draft("Delete log files older than 14 days in /var/log/myapp to free disk space");
        assertTrue(
                plan.options().stream().anyMatch(o -> "/var/log/myapp".equals(o.defaultValue())),
                plan.options().toString());
        assertTrue(
                plan.options().stream().anyMatch(o -> "14".equals(o.defaultValue())),
                plan.options().toString());
    }

    @Test
    void should_say_no_confident_match_and_list_the_nearest_blocks_when_nothing_fits() {
        NoConfidentMatchException e = assertThrows(
                NoConfidentMatchException.class, () -> draft("bake a chocolate cake for the team party on friday"));
        assertTrue(e.getMessage().contains("no confident match"), e.getMessage());
        assertEquals(3, e.nearest().size());
    }

    @Test
    void should_mark_risk_and_add_a_confirmation_option_when_the_request_is_destructive() {
        RunbookPlan plan = draft("Drop the staging database on the database server");
        assertEquals(Risk.DESTRUCTIVE, plan.risk());
        PlanOption confirm = plan.option(PlanAssembler.CONFIRM_OPTION).orElseThrow();
        assertTrue(confirm.required());
        assertEquals(List.of("yes"), confirm.values());
    }

    @Test
    void should_reject_an_unknown_category_and_list_the_valid_ones() {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> author.draft(GenerationRequest.builder()
                        .text("restart nginx")
                        .category("Gardening")
                        .build()));
        assertTrue(e.getMessage().contains("\"Gardening\""), e.getMessage());
        assertTrue(e.validValues().contains("Data Transfers"), e.validValues().toString());
    }

    @Test
    void should_give_every_free_text_option_a_regex_or_allowed_values() {
        for (String text : List.of(
                CANONICAL,
                "Create a Linux user on the nodes I select and install their SSH key",
                "Scale a Kubernetes deployment to a given number of replicas in a namespace")) {
            for (PlanOption o : draft(text).options()) {
                assertTrue(o.secure() || o.regex() != null || !o.values().isEmpty(), text + ": " + o);
            }
        }
    }

    private static int indexOfStep(RunbookPlan plan, String text) {
        for (int i = 0; i < plan.steps().size(); i++) {
            if (plan.steps().get(i).params().values().stream().anyMatch(v -> v.contains(text))) {
                return i;
            }
        }
        throw new AssertionError("no step contains " + text + ": " + plan.steps());
    }
}
