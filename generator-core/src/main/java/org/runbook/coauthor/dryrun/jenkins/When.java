package org.runbook.coauthor.dryrun.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * Evaluates a declarative {@code when} against the dry-run's environment and says why: {@code branch
 * "main" → true (BRANCH_NAME is "main")}. Conditions that depend on SCM changes or on who started
 * the build cannot be known in a dry-run; they are taken as true and marked "assumed".
 */
final class When {
    /** Whether a stage runs, and the reason in words. */
    record Verdict(boolean pass, String text) {}

    private static final Set<String> FLAGS = Set.of("beforeAgent", "beforeInput", "beforeOptions");
    private static final Set<String> ASSUMED = Set.of("changelog", "changeset", "triggeredBy", "isRestartedRun");

    private final Run run;

    When(Run run) {
        this.run = run;
    }

    /** All conditions of a {@code when} block must hold, as in Jenkins. */
    Verdict all(Section when) {
        List<Verdict> parts = new ArrayList<>();
        for (Section.Call c : when.calls()) {
            if (!FLAGS.contains(c.name())) {
                parts.add(condition(c));
            }
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        boolean pass = parts.stream().allMatch(Verdict::pass);
        return new Verdict(
                pass, String.join("; ", parts.stream().map(Verdict::text).toList()));
    }

    private Verdict condition(Section.Call c) {
        Object first = c.first();
        Map<?, ?> named = first instanceof Map<?, ?> m ? m : Map.of();
        return switch (c.name()) {
            case "branch" -> match("branch", pattern(first, named), "BRANCH_NAME", named);
            case "tag" -> match("tag", pattern(first, named), "TAG_NAME", named);
            case "buildingTag" -> leaf("buildingTag", env("TAG_NAME") != null, reason("TAG_NAME"));
            case "changeRequest" -> leaf("changeRequest", env("CHANGE_ID") != null, reason("CHANGE_ID"));
            case "environment" -> {
                String name = Args.text(named.get("name"));
                Object actual = env(name);
                yield leaf(
                        "environment " + name + " == " + Args.value(Args.text(named.get("value"))),
                        Objects.equals(Args.text(named.get("value")), actual == null ? null : actual.toString()),
                        reason(name));
            }
            case "equals" -> {
                Object expected = named.get("expected");
                Object actual = named.get("actual");
                boolean pass = Objects.equals(String.valueOf(expected), String.valueOf(actual));
                yield leaf("equals " + Args.value(expected), pass, "actual is " + Args.value(actual));
            }
            case "expression" -> {
                Object value = run.steps().call(c.body());
                boolean pass = DefaultTypeTransformation.castToBoolean(value);
                yield leaf("expression at line " + c.line(), pass, "it returned " + Args.value(value));
            }
            case "not" -> {
                Verdict inner = all(Section.of(run, c.body()));
                yield new Verdict(!inner.pass(), "not(" + inner.text() + ") → " + !inner.pass());
            }
            case "allOf", "anyOf" -> {
                List<Verdict> parts = new ArrayList<>();
                for (Section.Call inner : Section.of(run, c.body()).calls()) {
                    parts.add(condition(inner));
                }
                boolean pass = c.name().equals("allOf")
                        ? parts.stream().allMatch(Verdict::pass)
                        : parts.stream().anyMatch(Verdict::pass);
                yield new Verdict(
                        pass,
                        c.name() + "("
                                + String.join(
                                        "; ", parts.stream().map(Verdict::text).toList()) + ") → " + pass);
            }
            default -> ASSUMED.contains(c.name())
                    ? new Verdict(true, Args.call(c.name(), c.values()) + " → assumed true (unknown in a dry-run)")
                    : new Verdict(false, Args.call(c.name(), c.values()) + " → false (not a when condition)");
        };
    }

    private Verdict match(String what, String pattern, String variable, Map<?, ?> named) {
        Object actual = env(variable);
        String comparator = Args.text(named.get("comparator"));
        boolean pass = actual != null && matches(pattern, actual.toString(), comparator);
        return leaf(what + " " + Args.value(pattern), pass, reason(variable));
    }

    static boolean matches(String pattern, String value, String comparator) {
        return switch (comparator) {
            case "EQUALS" -> pattern.equals(value);
            case "REGEXP" -> Pattern.compile(pattern).matcher(value).matches();
            default -> Pattern.compile(glob(pattern)).matcher(value).matches();
        };
    }

    /** Ant-style glob as the {@code branch} condition uses: {@code *} within a path segment, {@code **} across. */
    private static String glob(String pattern) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                out.append(".*");
                i++;
            } else if (ch == '*') {
                out.append("[^/]*");
            } else if (ch == '?') {
                out.append("[^/]");
            } else {
                out.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return out.toString();
    }

    private static String pattern(Object first, Map<?, ?> named) {
        return Args.text(first instanceof Map<?, ?> ? named.get("pattern") : first);
    }

    private Object env(String name) {
        return run.env().get(name);
    }

    private String reason(String variable) {
        Object v = env(variable);
        return v == null ? variable + " is not set" : variable + " is " + Args.value(v.toString());
    }

    private static Verdict leaf(String what, boolean pass, String reason) {
        return new Verdict(pass, what + " → " + pass + " (" + reason + ")");
    }
}
