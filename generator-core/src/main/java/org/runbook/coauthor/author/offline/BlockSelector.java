package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the blocks that serve a request, in the order asked. The block that best fits the whole
 * request comes first; then each clause that block does not already cover adds its own best block,
 * so "dump the database, then upload it to S3" becomes two blocks while "deploy: download, extract,
 * switch the symlink and restart" stays one.
 */
final class BlockSelector {
    /** Below this a whole request has no confident match. */
    static final double CONFIDENT = 0.50;
    /** A clause must reach this to add a block of its own. */
    static final double CLAUSE_CONFIDENT = 0.50;
    /** A chosen block covers a clause when it scores within this share of the clause's best block. */
    static final double COVER_RATIO = 0.85;
    /** ... or when this share of the clause's words occur in what the block does. */
    static final double COVER_WORDS = 0.6;

    private final Retriever retriever;

    BlockSelector(Retriever retriever) {
        this.retriever = retriever;
    }

    /** The blocks, or an empty list with {@code nearest} filled when nothing fits confidently. */
    List<Selection> select(ParsedRequest request, String category, List<Candidate> nearest, List<String> trace) {
        List<Candidate> whole = retriever.rank(request.actionText(), category);
        nearest.addAll(whole.subList(0, Math.min(3, whole.size())));
        List<String> clauses = request.actions();
        List<List<Candidate>> perClause = new ArrayList<>();
        List<Set<String>> ignored = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        for (String clause : clauses) {
            Set<String> own = new HashSet<>(Words.terms(clause));
            Set<String> referBack = new HashSet<>(own);
            referBack.retainAll(earlier);
            ignored.add(referBack);
            earlier.addAll(own);
            List<Candidate> ranked = clauses.size() == 1 ? whole : retriever.rank(clause, category, referBack);
            perClause.add(ranked);
            trace.add("clause \"" + clause + "\": " + ranked.subList(0, Math.min(3, ranked.size())));
        }
        Candidate top = whole.get(0);
        Selection[] chosenAt = new Selection[clauses.size()];
        List<Block> chosen = new ArrayList<>();
        if (top.score() >= CONFIDENT) {
            int anchor = -1;
            for (int i = 0; i < clauses.size(); i++) {
                if (covers(top.block(), clauses.get(i), perClause.get(i), ignored.get(i))) {
                    anchor = anchor < 0 ? i : anchor;
                }
            }
            chosenAt[Math.max(anchor, 0)] = new Selection(top, request.actionText());
            chosen.add(top.block());
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (chosenAt[i] != null) {
                continue;
            }
            final int index = i;
            if (chosen.stream()
                    .anyMatch(b -> covers(b, clauses.get(index), perClause.get(index), ignored.get(index)))) {
                continue;
            }
            Candidate best = perClause.get(i).get(0);
            if (best.score() >= CLAUSE_CONFIDENT && !chosen.contains(best.block())) {
                chosenAt[i] = new Selection(best, clauses.get(i));
                chosen.add(best.block());
            }
        }
        List<Selection> out = new ArrayList<>();
        for (Selection s : chosenAt) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A chosen block covers a clause when it is the clause's best block, or when it scores close to
     * the best and what it actually does (not just its example phrasings) holds the clause's words.
     */
    private boolean covers(Block block, String clause, List<Candidate> ranked, Set<String> ignored) {
        if (ranked.get(0).block().equals(block)) {
            return true;
        }
        double best = ranked.get(0).score();
        double mine = ranked.stream()
                .filter(c -> c.block().equals(block))
                .mapToDouble(Candidate::score)
                .findFirst()
                .orElse(0);
        return mine >= best * COVER_RATIO && retriever.workCoverage(block, clause, ignored) >= COVER_WORDS;
    }
}
