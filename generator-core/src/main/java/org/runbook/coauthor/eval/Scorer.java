package org.runbook.coauthor.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.api.GenerationStatus;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.validate.Finding;

/**
 * Scores a result against an {@code expect} block as the header of {@code dev-requests.yaml}
 * defines it. Every regex is one check (case-insensitive, found anywhere), {@code valid} is one
 * more check, and the score is the share of checks that pass.
 */
public final class Scorer {
    private Scorer() {}

    /** One check and whether it passed. */
    public record Check(String what, boolean passed) {}

    /** The checks of one entry and their score. */
    public record Score(List<Check> checks) {
        public Score {
            checks = List.copyOf(checks);
        }

        public double value() {
            return checks.isEmpty()
                    ? 1.0
                    : (double) checks.stream().filter(Check::passed).count() / checks.size();
        }

        public List<String> failed() {
            return checks.stream().filter(c -> !c.passed()).map(Check::what).toList();
        }
    }

    public static Score score(Map<String, Object> expect, GenerationResult result) {
        ArtifactFacts facts = result == null || result.artifact() == null
                ? new ArtifactFacts(List.of(), List.of(), List.of(), "")
                : result.request().target() == Target.JENKINS
                        ? ArtifactFacts.ofJenkins(result.artifact())
                        : ArtifactFacts.ofRundeck(result.artifact());
        List<Check> checks = new ArrayList<>();
        for (String re : strings(expect.get("options"))) {
            checks.add(new Check("option ~ /" + re + "/", any(facts.options(), re)));
        }
        for (String re : strings(expect.get("secure_options"))) {
            checks.add(new Check("secure option ~ /" + re + "/", any(facts.secureOptions(), re)));
        }
        for (String re : strings(expect.get("steps"))) {
            checks.add(new Check("step ~ /" + re + "/", any(facts.steps(), re)));
        }
        if (expect.get("node_filter") != null) {
            String re = String.valueOf(expect.get("node_filter"));
            checks.add(new Check("node filter ~ /" + re + "/", find(facts.nodeFilter(), re)));
        }
        boolean hasArtifact = result != null && result.artifact() != null;
        for (String re : strings(expect.get("not_steps"))) {
            checks.add(new Check("no step ~ /" + re + "/", hasArtifact && !any(facts.steps(), re)));
        }
        List<Finding> findings = result == null ? List.of() : result.findings();
        for (String re : strings(expect.get("findings"))) {
            checks.add(new Check(
                    "finding ~ /" + re + "/",
                    findings.stream().anyMatch(f -> find(f.ruleId(), re) || find(f.message(), re))));
        }
        boolean valid = !Boolean.FALSE.equals(expect.get("valid"));
        if (valid) {
            checks.add(new Check("validates with no errors", result != null && result.ok()));
        } else {
            checks.add(new Check(
                    "refused or flagged",
                    result != null
                            && (result.status() == GenerationStatus.REFUSED
                                    || findings.stream().anyMatch(Finding::isError))));
        }
        return new Score(checks);
    }

    private static boolean any(Collection<String> values, String re) {
        return values.stream().anyMatch(v -> find(v, re));
    }

    private static boolean find(String value, String re) {
        return value != null
                && Pattern.compile(re, Pattern.CASE_INSENSITIVE).matcher(value).find();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }
}
