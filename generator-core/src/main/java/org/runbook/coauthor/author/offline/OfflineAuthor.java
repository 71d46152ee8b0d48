package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.NoConfidentMatchException;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * The default author: composes plans from the bundled catalog with no network and no key. The same
 * request always yields the same plan.
 */
public final class OfflineAuthor implements Author {
    private final Retriever retriever;

    public OfflineAuthor(Retriever retriever) {
        this.retriever = retriever;
    }

    /** An author over the bundled catalog. */
    public static OfflineAuthor bundled() {
        return new OfflineAuthor(Retriever.bundled());
    }

    public Catalog catalog() {
        return retriever.catalog();
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public RunbookPlan draft(GenerationRequest request) {
        String category = canonicalCategory(request.category());
        ParsedRequest parsed = RequestParser.parse(request.text());
        if (parsed.actions().isEmpty()) {
            throw new NoConfidentMatchException(
                    "the request names inputs but no task; say what the job should do", List.of());
        }
        List<Candidate> nearest = new ArrayList<>();
        List<String> trace = new ArrayList<>();
        List<Selection> selections = new BlockSelector(retriever).select(parsed, category, nearest, trace);
        if (selections.isEmpty()) {
            throw new NoConfidentMatchException(
                    "no confident match in the catalog for \"" + abbreviate(request.text())
                            + "\"; rephrase the request, pick a category, or use an LLM provider",
                    nearest.stream()
                            .map(c -> c.block().id() + ": " + c.block().title()
                                    + String.format(Locale.ROOT, " (%.2f)", c.score()))
                            .toList());
        }
        return new PlanAssembler(trace).assemble(selections, parsed, category, request.target());
    }

    private String canonicalCategory(String category) {
        if (category == null) {
            return null;
        }
        return catalog()
                .category(category)
                .orElseThrow(() -> new InvalidInputException(
                        "unknown category \"" + category + "\"", null, catalog().categoryNames()))
                .name();
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
