package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects the first match of each pattern in a text and reports them left to right, overlaps dropped. */
public final class PatternHits {
    private PatternHits() {}

    /** Adds the first match of each pattern to {@code hits} (offset → matched text), keeping earlier entries. */
    public static void firstOfEach(String text, List<Pattern> patterns, TreeMap<Integer, String> hits) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                hits.putIfAbsent(m.start(), m.group());
            }
        }
    }

    /** Calls {@code found} for each hit in order, skipping hits inside an earlier one. */
    public static void eachNonOverlapping(TreeMap<Integer, String> hits, BiConsumer<Integer, String> found) {
        int covered = -1;
        for (Map.Entry<Integer, String> hit : hits.entrySet()) {
            if (hit.getKey() >= covered) {
                found.accept(hit.getKey(), hit.getValue());
                covered = hit.getKey() + hit.getValue().length();
            }
        }
    }
}
