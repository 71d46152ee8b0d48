package org.runbook.coauthor.author;

import java.util.List;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * An author that can revise its plan when the rendered artifact fails validation or the dry-run.
 * The orchestrator ({@code CoAuthor}) owns the loop and its bound; the author only revises.
 */
public interface RepairingAuthor extends Author {
    /**
     * @param artifact the rendered text that failed
     * @param findings the error findings, one per line as {@code file:line:col: message [ID]}
     * @param round 1 for the first repair round
     */
    RunbookPlan repair(
            GenerationRequest request, RunbookPlan previous, String artifact, List<String> findings, int round);
}
