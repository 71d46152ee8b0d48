package org.runbook.coauthor.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.json.PlanJson;

/**
 * The contract every author passes (offline and each LLM provider): same input, same plan; the
 * options the request asks for; steps traceable to a source. Published in the test-jar.
 */
public abstract class AbstractAuthorContractTest {
    /** The author under test. */
    protected abstract Author author();

    protected static final String CANONICAL = "Help me write an automated runbook that transfers a file from a"
            + " directory on a remote node to an S3 bucket in AWS. I should be able to specify the hostname of the"
            + " remote node, the file name and the S3 bucket.";

    @Test
    void should_draft_the_same_plan_when_given_the_same_request_twice() {
        GenerationRequest request = GenerationRequest.builder()
                .text(CANONICAL)
                .category("Data Transfers")
                .build();
        assertEquals(PlanJson.write(author().draft(request)), PlanJson.write(author().draft(request)));
    }

    @Test
    void should_offer_the_options_the_request_asks_for() {
        RunbookPlan plan =
                author().draft(GenerationRequest.builder().text(CANONICAL).build());
        List<String> names = plan.options().stream().map(PlanOption::name).toList();
        assertTrue(names.stream().anyMatch(n -> n.contains("host")), "host option in " + names);
        assertTrue(names.stream().anyMatch(n -> n.contains("file")), "file option in " + names);
        assertTrue(names.stream().anyMatch(n -> n.contains("bucket")), "bucket option in " + names);
    }

    @Test
    void should_trace_every_step_to_a_source() {
        RunbookPlan plan =
                author().draft(GenerationRequest.builder().text(CANONICAL).build());
        plan.steps().forEach(s -> assertFalse(s.source() == null || s.source().isBlank(), "step " + s.id()));
        assertFalse(plan.provenance().author().isBlank());
    }
}
