package org.runbook.coauthor.author.llm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secrets with placeholders before text leaves the machine: private keys, AWS access
 * keys, provider and GitHub/Slack tokens, bearer tokens, JWTs, and values given to
 * {@code password}, {@code secret}, {@code token}, {@code api_key} and the like.
 */
public final class Redactor {
    private record Rule(String kind, Pattern pattern, int group) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "private-key",
                    Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)"),
                    0),
            new Rule("aws-access-key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
            new Rule(
                    "aws-secret-key",
                    Pattern.compile("(?i)aws_secret_access_key\\s*[=:]\\s*[\"']?([A-Za-z0-9/+=]{40})"),
                    1),
            new Rule(
                    "token",
                    Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}"
                            + "|xox[abprs]-[A-Za-z0-9-]{10,}|sk-(?:ant-)?[A-Za-z0-9_-]{20,}|glpat-[A-Za-z0-9_-]{20,})"),
                    0),
            new Rule("jwt", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"), 0),
            new Rule("bearer-token", Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{12,}=*)"), 1),
            new Rule(
                    "password",
                    Pattern.compile("(?i)\\b(?:password|passwd|pwd|secret|token|api[_-]?key)"
                            + "(?:\\s+is)?\\s*[=:]?\\s*(\"[^\"]+\"|'[^']+'|(?=\\S*[0-9!@#$%^&*])[^\\s,;]{6,})"),
                    1));

    private Redactor() {}

    /** The text with secrets replaced by {@code <redacted:KIND>}, and the kinds found, in order. */
    public record Redaction(String text, List<String> kinds) {
        public Redaction {
            kinds = List.copyOf(kinds);
        }
    }

    public static Redaction redact(String text) {
        if (text == null) {
            return new Redaction(null, List.of());
        }
        String out = text;
        List<String> kinds = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            boolean found = false;
            while (m.find()) {
                String whole = m.group();
                if (whole.contains("<redacted:") || whole.contains("${")) {
                    continue;
                }
                found = true;
                String placeholder = "<redacted:" + rule.kind() + ">";
                String replacement = rule.group() == 0
                        ? placeholder
                        : whole.substring(0, m.start(rule.group()) - m.start())
                                + placeholder
                                + whole.substring(m.end(rule.group()) - m.start());
                m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(sb);
            if (found) {
                kinds.add(rule.kind());
                out = sb.toString();
            }
        }
        return new Redaction(out, kinds);
    }
}
