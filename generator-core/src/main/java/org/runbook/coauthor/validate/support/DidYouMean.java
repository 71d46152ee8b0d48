package org.runbook.coauthor.validate.support;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the known word a misspelled one was probably meant to be: a match ignoring case, {@code -}
 * and {@code _} first, then the only candidate it begins (4 letters or more, {@code onfail} →
 * {@code onfailure}), then the closest by edit distance (at most 1 for words of up to 4 letters, 2 up
 * to 8, else 3).
 */
public final class DidYouMean {
    private DidYouMean() {}

    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word == null || word.isEmpty() || word.length() > 200) {
            return Optional.empty();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            if (c.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(c);
            }
        }
        String normal = normalize(word);
        for (String c : candidates) {
            if (normalize(c).equals(normal)) {
                return Optional.of(c);
            }
        }
        if (normal.length() >= 4) {
            List<String> prefixed = candidates.stream()
                    .filter(c -> normalize(c).startsWith(normal))
                    .toList();
            if (prefixed.size() == 1) {
                return Optional.of(prefixed.get(0));
            }
        }
        int limit = word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance && d < c.length()) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Lower case without {@code -}, {@code _} and spaces: {@code node_filters} matches {@code nodefilters}. */
    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }

    /** Optimal string alignment distance: Levenshtein plus swapping two neighbouring letters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
