package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell code that runs whatever a download returns: {@code curl … | sh}, {@code wget -O- … | sudo bash},
 * {@code bash <(curl …)}, {@code sh -c "$(curl …)"}, {@code eval "$(curl …)"}. Shared by the Rundeck
 * (SEC003) and Jenkinsfile (JK204) rules.
 */
public final class PipeToShell {
    /** Where the download starts in the masked text and the command that runs it, for messages. */
    public record Hit(int offset, String command) {}

    private static final String FETCH = "(?:curl|wget)\\b";
    private static final String SHELL = "(?:sudo\\s+(?:-\\S+\\s+)*)?(?:env\\s+(?:\\S+=\\S*\\s+)*)?"
            + "(?:/usr/bin/|/bin/)?(?:ba|z|k|da|fi)?sh(?![\\w.-])";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b" + FETCH + "[^;&\\n]*?(?<!\\|)\\|(?!\\|)\\s*" + SHELL),
            Pattern.compile("\\b(?:(?:ba|z|k|da)?sh|source|\\.)\\s+<\\(\\s*(?:sudo\\s+)?" + FETCH),
            Pattern.compile("\\b(?:(?:ba|z|k|da)?sh\\s+-c|eval)\\s+[\"']?(?:\\$\\(|`)\\s*" + FETCH));

    private PipeToShell() {}

    /** The first download run as code in {@code masked} (see {@link ShellCommands#mask(String)}). */
    public static Optional<Hit> find(String masked) {
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(masked);
            if (m.find()) {
                return Optional.of(new Hit(m.start(), ShellCommands.show(pipeline(masked, m))));
            }
        }
        return Optional.empty();
    }

    /** The match and the rest of the command that runs the download. */
    private static String pipeline(String masked, Matcher m) {
        int lineEnd = masked.indexOf('\n', m.end());
        int end = Math.min(ShellCommands.commandEnd(masked, m.end()), lineEnd < 0 ? masked.length() : lineEnd);
        return masked.substring(m.start(), Math.max(m.end(), end));
    }
}
