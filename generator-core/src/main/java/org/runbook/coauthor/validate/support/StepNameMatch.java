package org.runbook.coauthor.validate.support;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean" for step providers, configuration keys and option names (rules RD301-RD303): the
 * candidate nearest to a misspelt name by edit distance, ignoring case; a name that is the start of
 * a candidate (or the reverse), of four letters or more, counts as one edit away.
 */
public final class StepNameMatch {
    private StepNameMatch() {}

    /** The closest candidate within a third of the name's length (at least 2 edits), or empty. */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        return closest(name, candidates, Math.max(2, name.length() / 3));
    }

    /** The closest candidate within {@code maxDistance} edits; ties go to the alphabetically first. */
    public static Optional<String> closest(String name, Collection<String> candidates, int maxDistance) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(name)) {
                continue;
            }
            int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (isPrefix(name, c)) {
                d = Math.min(d, 1); // "source" for "sourcePath", "dest" for "destinationPath"
            }
            if (d <= maxDistance && (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isPrefix(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        String shorter = x.length() <= y.length() ? x : y;
        return shorter.length() >= 4 && (x.startsWith(y) || y.startsWith(x));
    }

    /** Levenshtein distance; only the first 200 characters of each input are compared. */
    static int distance(String a, String b) {
        String s = a.length() > 200 ? a.substring(0, 200) : a;
        String t = b.length() > 200 ? b.substring(0, 200) : b;
        int[] prev = new int[t.length() + 1];
        int[] cur = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[t.length()];
    }
}
