package org.runbook.coauthor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;

/**
 * Quality figures of an eval run, overall and per category, kept as a baseline so a later run (a new
 * model version, a catalog change) can be compared with it: validity rate, mean expect-score, repair
 * rate and mean latency.
 */
public final class Baseline {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One request's outcome. */
    public record Sample(String category, boolean valid, double score, boolean repaired, long millis) {}

    /** Figures for a group of requests. */
    public record Figures(int requests, double validity, double meanScore, double repairRate, double meanMillis) {}

    private final Map<String, Figures> groups;

    private Baseline(Map<String, Figures> groups) {
        this.groups = groups;
    }

    /** Groups: {@code "all"} and one per category. */
    public static Baseline of(List<Sample> samples) {
        Map<String, List<Sample>> by = new TreeMap<>();
        for (Sample s : samples) {
            by.computeIfAbsent("all", k -> new ArrayList<>()).add(s);
            by.computeIfAbsent(s.category() == null ? "(none)" : s.category(), k -> new ArrayList<>())
                    .add(s);
        }
        Map<String, Figures> groups = new LinkedHashMap<>();
        by.forEach((k, list) -> groups.put(
                k,
                new Figures(
                        list.size(),
                        list.stream().filter(Sample::valid).count() / (double) list.size(),
                        list.stream().mapToDouble(Sample::score).average().orElse(0),
                        list.stream().filter(Sample::repaired).count() / (double) list.size(),
                        list.stream().mapToLong(Sample::millis).average().orElse(0))));
        return new Baseline(groups);
    }

    public Map<String, Figures> groups() {
        return Map.copyOf(groups);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(groups));
    }

    public static Baseline read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Figures> groups = new LinkedHashMap<>();
            root.fields().forEachRemaining(e -> groups.put(e.getKey(), JSON.convertValue(e.getValue(), Figures.class)));
            return new Baseline(groups);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(
                    "not a baseline written by coauthor eval: " + e.getMessage(),
                    new SourcePosition(file.toString(), 0, 0),
                    List.of());
        }
    }

    /**
     * Where this run is worse than the baseline by more than {@code tolerance} (absolute, for the
     * validity rate and the mean score), one line each; empty when nothing regressed.
     */
    public List<String> regressionsAgainst(Baseline baseline, double tolerance) {
        List<String> out = new ArrayList<>();
        baseline.groups.forEach((group, before) -> {
            Figures now = groups.get(group);
            if (now == null) {
                return;
            }
            if (before.validity() - now.validity() > tolerance) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s: validity rate fell from %.2f to %.2f",
                        group,
                        before.validity(),
                        now.validity()));
            }
            if (before.meanScore() - now.meanScore() > tolerance) {
                out.add(String.format(
                        Locale.ROOT,
                        "%s: mean score fell from %.3f to %.3f",
                        group,
                        before.meanScore(),
                        now.meanScore()));
            }
        });
        return out;
    }
}
