package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands that no confirmation makes safe: they destroy a whole machine. Shared by the request
 * screen and the artifact rules so both refuse the same things.
 */
public final class Catastrophic {
    /** A match: what was found, where (0-based offset), and why it is refused. */
    public record Match(String text, int offset, String why) {}

    private record Kind(Pattern pattern, String why) {}

    private static final List<Kind> KINDS = List.of(
            new Kind(
                    Pattern.compile(
                            "\\brm\\s+(?:-[a-zA-Z]*[rR][a-zA-Z]*\\s+|--recursive\\s+|--force\\s+|-[a-zA-Z]*f[a-zA-Z]*\\s+"
                                    + "|--no-preserve-root\\s+|--\\s+)+[\"']?/(?:\\*)?[\"']?(?=\\s|$|[;&|)])"),
                    "it deletes the root filesystem"),
            new Kind(Pattern.compile("\\bmkfs(?:\\.[a-z0-9]+)?\\b[^;&|\\n]*?\\s/dev/"), "it formats a disk"),
            new Kind(
                    Pattern.compile("\\bdd\\s+[^\\n]*\\bof=/dev/(?:sd|hd|vd|xvd|nvme|mmcblk|disk)"),
                    "it overwrites a disk"),
            new Kind(Pattern.compile(":\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*}\\s*;\\s*:"), "it is a fork bomb"),
            new Kind(
                    Pattern.compile("\\bchmod\\s+-R\\s+[0-7]*7[0-7]{2}\\s+/(?=\\s|$)"),
                    "it makes the whole filesystem writable"),
            new Kind(
                    Pattern.compile("\\bchown\\s+(?:-[a-zA-Z]+\\s+)*-R\\s+(?:-[a-zA-Z]+\\s+)*\\S+\\s+/(?=\\s|$)"),
                    "it changes the owner of every file on the machine"),
            new Kind(
                    Pattern.compile("(?<![0-9&])>\\s*/dev/(?:sd|hd|vd|xvd|nvme)[a-z0-9]*(?=\\s|$|[;&|)])"),
                    "it overwrites a disk"),
            new Kind(
                    Pattern.compile(
                            "(?i)\\b(?:wipe|erase|destroy|delete|remove)\\s+(?:the\\s+)?(?:entire\\s+|whole\\s+)?"
                                    + "(?:root\\s+(?:file\\s*system|partition|disk)|(?:file\\s*system|disk)\\s+root)\\b"),
                    "it destroys the root filesystem"));

    private Catastrophic() {}

    public static Optional<Match> find(String text) {
        Match first = null;
        for (Kind kind : KINDS) {
            Matcher m = kind.pattern().matcher(text);
            if (m.find() && (first == null || m.start() < first.offset())) {
                first = new Match(m.group(), m.start(), kind.why());
            }
        }
        return Optional.ofNullable(first);
    }
}
