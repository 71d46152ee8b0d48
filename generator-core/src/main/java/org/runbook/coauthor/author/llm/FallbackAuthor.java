package org.runbook.coauthor.author.llm;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.RepairingAuthor;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Provenance;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * {@code --fallback offline}: the LLM author first; when its call fails (after retries, or with
 * the circuit open), the fallback author drafts instead and the provenance notes say why.
 */
public final class FallbackAuthor implements RepairingAuthor {
    private final RepairingAuthor primary;
    private final Author fallback;

    public FallbackAuthor(RepairingAuthor primary, Author fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    @Override
    public String name() {
        return primary.name() + "+" + fallback.name();
    }

    @Override
    public RunbookPlan draft(GenerationRequest request) {
        try {
            return primary.draft(request);
        } catch (CoauthorException e) {
            return noted(
                    fallback.draft(request),
                    primary.name() + " failed, " + fallback.name() + " author used: " + e.getMessage());
        }
    }

    @Override
    public RunbookPlan repair(
            GenerationRequest request, RunbookPlan previous, String artifact, List<String> findings, int round) {
        if (!previous.provenance().author().equals(primary.name())) {
            return previous; // the fallback's plan is final; CoAuthor reports its findings
        }
        return primary.repair(request, previous, artifact, findings, round);
    }

    private static RunbookPlan noted(RunbookPlan plan, String note) {
        Provenance p = plan.provenance();
        List<String> notes = new ArrayList<>(p.notes());
        notes.add(note);
        return plan.withProvenance(new Provenance(p.author(), p.blocks(), p.model(), p.promptHash(), notes));
    }
}
