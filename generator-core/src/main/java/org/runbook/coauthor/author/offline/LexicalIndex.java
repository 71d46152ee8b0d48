package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores how much of a query's vocabulary a block covers, weighting rare words higher (inverse
 * document frequency). A block is several texts (its title and keywords, its description, each
 * example phrasing); its score is the best single text's coverage, because the union of a block's
 * many examples covers almost any short query. A score of 1 means one text holds every content word.
 */
final class LexicalIndex {
    private final List<List<Set<String>>> documents;
    private final Map<String, Double> idf = new HashMap<>();
    private final double meanIdf;

    LexicalIndex(List<Block> blocks, Function<Block, List<String>> texts) {
        this.documents = new ArrayList<>();
        Map<String, Integer> df = new HashMap<>();
        for (Block b : blocks) {
            List<Set<String>> docs =
                    texts.apply(b).stream().map(t -> Set.copyOf(Words.terms(t))).toList();
            documents.add(docs);
            Set<String> all = new HashSet<>();
            docs.forEach(all::addAll);
            all.forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = documents.size();
        df.forEach((term, count) -> idf.put(term, Math.log(1.0 + (double) n / count)));
        this.meanIdf =
                idf.values().stream().mapToDouble(Double::doubleValue).average().orElse(1.0);
    }

    /** Coverage of {@code query} by each block, in block order, ignoring the {@code ignored} terms. */
    double[] scores(String query, Collection<String> ignored) {
        Set<String> terms = terms(query, ignored);
        double total = total(terms);
        double[] out = new double[documents.size()];
        for (int i = 0; i < documents.size() && total > 0; i++) {
            out[i] = best(i, terms) / total;
        }
        return out;
    }

    /** The coverage of one block, for callers that need a single score. */
    double score(int block, String query, Collection<String> ignored) {
        Set<String> terms = terms(query, ignored);
        double total = total(terms);
        return total == 0 ? 0 : best(block, terms) / total;
    }

    private static Set<String> terms(String query, Collection<String> ignored) {
        Set<String> terms = new HashSet<>(Words.terms(query));
        terms.removeAll(ignored);
        return terms;
    }

    /**
     * A word no block knows still counts against every block (the query may ask for something else
     * too), but only as much as a typical word: it is as likely a synonym or a name.
     */
    private double total(Set<String> terms) {
        double total = 0;
        for (String t : terms) {
            total += idf.getOrDefault(t, meanIdf);
        }
        return total;
    }

    private double best(int block, Set<String> terms) {
        double best = 0;
        for (Set<String> doc : documents.get(block)) {
            double hit = 0;
            for (String t : terms) {
                if (doc.contains(t)) {
                    hit += idf.get(t);
                }
            }
            best = Math.max(best, hit);
        }
        return best;
    }
}
