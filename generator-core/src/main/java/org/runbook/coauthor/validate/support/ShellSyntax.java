package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses shell text with {@code bash -n} (parse only, never run). Reports bash's messages with the
 * 1-based line of the text they name, with bash's {@code `x'} quoting turned into {@code "x"}.
 */
public final class ShellSyntax {
    private static final Pattern LINE = Pattern.compile("^.*?: line (\\d+): (.*)$");
    private static final Pattern BASH_QUOTE = Pattern.compile("`([^`']*)'");

    /**
     * One message of {@code bash -n}.
     *
     * @param warning true for a warning (bash still runs the script, e.g. an unterminated here-document)
     */
    public record Problem(int line, String message, boolean warning) {}

    private ShellSyntax() {}

    /** The problems bash finds; empty when the text parses, or when bash is not available. */
    public static List<Problem> check(String text) {
        Optional<ExternalTool.Result> result = ExternalTool.run(List.of("bash", "-n"), text);
        if (result.isEmpty()) {
            return List.of();
        }
        List<Problem> out = new ArrayList<>();
        for (String line : result.get().stderr().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String message = m.group(2).strip();
            if (message.startsWith("`")) {
                continue; // bash echoes the offending source line after the error
            }
            boolean warning = message.startsWith("warning: ");
            message = readable(warning ? message.substring("warning: ".length()) : message);
            out.add(new Problem(Integer.parseInt(m.group(1)), message, warning));
        }
        return out;
    }

    /** {@code `fi'} becomes {@code "fi"}; a quote character itself is shown as {@code '"'}. */
    static String readable(String bashMessage) {
        Matcher m = BASH_QUOTE.matcher(bashMessage.replace("`''", "\"'\""));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(inner.equals("\"") ? "'\"'" : "\"" + inner + "\""));
        }
        m.appendTail(out);
        return out.toString();
    }
}
