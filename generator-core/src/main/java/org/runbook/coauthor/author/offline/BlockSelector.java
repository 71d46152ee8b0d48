package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the blocks that serve a request, in the order asked. The block that best fits the whole
 * request comes first; then each clause that block does not already cover adds its own best block,
 * so "dump the database, then upload it to S3" becomes two blocks while "deploy: download, extract,
 * switch the symlink and restart" stays one.
 */
final class BlockSelector {
    /** Added to a later block that consumes what an earlier one produces. */
    static final double CHAIN_BONUS = 0.06;
    /** A match is confident when its meaning is this close ... */
    static final double CONFIDENT_SEMANTIC = 0.6;
    /** ... or when it shares this much vocabulary and scores at least {@link #CONFIDENT_SCORE}. */
    static final double CONFIDENT_LEXICAL = 0.5;

    static final double CONFIDENT_SCORE = 0.45;
    /** A chosen block covers a clause when it scores within this share of the clause's best block. */
    static final double COVER_RATIO = 0.85;
    /** ... or when this share of the clause's words occur in what the block does. */
    static final double COVER_WORDS = 0.6;

    /** "verify that it is active", "make sure they came back": a check on what the previous clause did. */
    private static final Pattern FOLLOW_UP_CHECK = Pattern.compile("(?i)^(?:and\\s+)?(?:verify|check|confirm|ensure|"
            + "make\\s+sure|wait|validate|test|see)\\b.*\\b(?:it|its|they|them|that|this|these|those)\\b.*");
    /** Words showing a block already checks its own result. */
    private static final Pattern SELF_CHECKING =
            Pattern.compile("(?i)verif|check|status|is-active|wait|health|confirm");

    private final Retriever retriever;

    BlockSelector(Retriever retriever) {
        this.retriever = retriever;
    }

    /** The blocks, or an empty list with {@code nearest} filled when nothing fits confidently. */
    List<Selection> select(ParsedRequest request, String category, List<Candidate> nearest, List<String> trace) {
        List<Candidate> whole = retriever.rank(request.retrievalText(), category);
        nearest.addAll(whole.subList(0, Math.min(3, whole.size())));
        List<String> clauses = request.actions();
        List<List<Candidate>> perClause = new ArrayList<>();
        List<Set<String>> ignored = new ArrayList<>();
        List<String> retrievalClauses = new ArrayList<>();
        Set<String> earlier = new HashSet<>();
        for (String original : clauses) {
            String clause = RequestParser.forRetrieval(original);
            retrievalClauses.add(clause);
            Set<String> own = new HashSet<>(Words.terms(clause));
            Set<String> referBack = new HashSet<>(own);
            referBack.retainAll(earlier);
            ignored.add(referBack);
            earlier.addAll(own);
            List<Candidate> ranked = clauses.size() == 1 ? whole : retriever.rank(clause, category, referBack);
            perClause.add(ranked);
            trace.add("clause \"" + original + "\": " + ranked.subList(0, Math.min(3, ranked.size())));
        }
        Candidate top = whole.get(0);
        Selection[] chosenAt = new Selection[clauses.size()];
        List<Block> chosen = new ArrayList<>();
        if (confident(top)) {
            // The best block for the whole request takes the first clause it covers; one that covers
            // no clause only looks good on the sum of the words and is left out.
            List<Integer> covered = new ArrayList<>();
            for (int i = 0; i < clauses.size(); i++) {
                if (covers(top.block(), retrievalClauses.get(i), perClause.get(i), ignored.get(i))) {
                    covered.add(i);
                }
            }
            if (!covered.isEmpty()) {
                int first = covered.get(0);
                // A block that serves several clauses takes its literal values from all of them.
                String text = covered.size() > 1 || clauses.size() == 1 ? request.actionText() : clauses.get(first);
                chosenAt[first] = new Selection(top, text);
                chosen.add(top.block());
            }
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (chosenAt[i] != null) {
                continue;
            }
            final int index = i;
            if (FOLLOW_UP_CHECK.matcher(clauses.get(i)).matches() && previousChecksItself(chosenAt, i)) {
                continue;
            }
            if (chosen.stream()
                    .anyMatch(b -> covers(b, clauses.get(index), perClause.get(index), ignored.get(index)))) {
                continue;
            }
            Candidate best = bestAfter(perClause.get(i), producedBefore(chosenAt, i));
            if (confident(best) && !chosen.contains(best.block())) {
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
     * Confidence needs either a close meaning or real shared vocabulary: "write me a poem about
     * kubernetes" is near the Kubernetes blocks in topic, but neither close in meaning nor in words.
     */
    static boolean confident(Candidate c) {
        return c.semantic() >= CONFIDENT_SEMANTIC || c.lexical() >= CONFIDENT_LEXICAL && c.score() >= CONFIDENT_SCORE;
    }

    /**
     * The clause's best block, preferring by {@link #CHAIN_BONUS} a block that takes what an
     * earlier block leaves behind: after a dump, "push the dump to S3" means the file, not a folder.
     */
    private static Candidate bestAfter(List<Candidate> ranked, Set<String> produced) {
        Candidate best = ranked.get(0);
        double bestScore = best.score() + chainBonus(best.block(), produced);
        for (Candidate c : ranked.subList(0, Math.min(10, ranked.size()))) {
            double s = c.score() + chainBonus(c.block(), produced);
            if (s > bestScore) {
                best = c;
                bestScore = s;
            }
        }
        return best;
    }

    private static double chainBonus(Block block, Set<String> produced) {
        // Each kind taken counts: a block that takes the dump's file and its directory fits better
        // than one that takes only the directory.
        return CHAIN_BONUS
                * block.params().stream()
                        .filter(p -> p.consumes() != null && produced.contains(p.consumes()))
                        .map(BlockParam::consumes)
                        .distinct()
                        .count();
    }

    private static Set<String> producedBefore(Selection[] chosenAt, int clause) {
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < clause; i++) {
            if (chosenAt[i] != null) {
                chosenAt[i].block().params().stream()
                        .filter(p -> p.produces() != null)
                        .forEach(p -> kinds.add(p.produces()));
            }
        }
        return kinds;
    }

    private static boolean previousChecksItself(Selection[] chosenAt, int clause) {
        for (int i = clause - 1; i >= 0; i--) {
            if (chosenAt[i] != null) {
                return chosenAt[i].block().workTexts().stream()
                        .anyMatch(t -> SELF_CHECKING.matcher(t).find());
            }
        }
        return false;
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
