package org.runbook.coauthor.author.offline;

import java.util.HashSet;
import java.util.Set;

/** How well an operator's phrase ("the S3 bucket") names a block parameter. */
final class ParamMatch {
    static final double THRESHOLD = 0.5;

    private ParamMatch() {}

    /** Best share of the phrase's words found in the parameter's name or one of its aliases. */
    static double score(BlockParam param, Set<String> phraseWords) {
        double best = share(phraseWords, Words.terms(param.name().replace('_', ' ')));
        for (String alias : param.aliases()) {
            best = Math.max(best, share(phraseWords, Words.terms(alias)));
        }
        return best;
    }

    private static double share(Set<String> phrase, java.util.List<String> candidate) {
        if (candidate.isEmpty()) {
            return 0;
        }
        Set<String> words = new HashSet<>(candidate);
        long hits = phrase.stream().filter(words::contains).count();
        // Both directions matter: "bucket" names "s3 bucket", but "file" alone should not name "file owner".
        double recall = (double) hits / phrase.size();
        double precision = (double) hits / words.size();
        return hits == 0 ? 0 : (recall + precision) / 2;
    }
}
