package org.runbook.coauthor.author;

import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * Drafts a plan from a request. Validation, repair rounds and provenance stamping live once in the
 * orchestrator ({@code CoAuthor}); an author only drafts.
 */
public interface Author {
    /** A short name for provenance and reports, e.g. {@code offline}. */
    String name();

    /**
     * @throws NoConfidentMatchException when no plan fits the request well enough to be honest about it
     */
    RunbookPlan draft(GenerationRequest request);
}
