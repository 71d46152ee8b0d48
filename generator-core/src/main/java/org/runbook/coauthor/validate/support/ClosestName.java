package org.runbook.coauthor.validate.support;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" for names: the closest other candidate at most two edits away, ignoring case and {@code -}/{@code _}. */
public final class ClosestName {
    private ClosestName() {}

    /** The closest candidate other than {@code name} itself within two edits, if any. */
    public static Optional<String> of(String name, Collection<String> candidates) {
        if (name == null || name.isEmpty() || name.length() > 200) {
            return Optional.empty();
        }
        String n = normal(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(name)) {
                continue;
            }
            int d = distance(n, normal(c));
            if (d <= 2 && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Up to {@code limit} candidates within three edits of {@code name}, closest first (ties in name order). */
    public static java.util.List<String> nearest(String name, Collection<String> candidates, int limit) {
        if (name == null || name.isEmpty() || name.length() > 200) {
            return java.util.List.of();
        }
        String n = normal(name);
        java.util.TreeMap<Integer, java.util.TreeSet<String>> byDistance = new java.util.TreeMap<>();
        for (String c : candidates) {
            if (c != null && !c.equals(name)) {
                int d = distance(n, normal(c));
                if (d <= Math.min(3, Math.max(1, n.length() / 2))) {
                    byDistance
                            .computeIfAbsent(d, k -> new java.util.TreeSet<>())
                            .add(c);
                }
            }
        }
        return byDistance.values().stream()
                .flatMap(java.util.Set::stream)
                .limit(limit)
                .toList();
    }

    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** Edit distance where swapping two neighbouring letters ({@code stpes}) counts as one edit. */
    private static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] t = before;
            before = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
