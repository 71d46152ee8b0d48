package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.support.ShellCommands.Word;

/**
 * Commands that destroy data or take a machine away for good, found in masked shell code (see
 * {@link ShellCommands#mask(String)}). A reboot is not here: the machine comes back, and the
 * co-author's catalog treats it as a reversible change; a power-off is, since it needs someone to
 * switch the machine on again.
 */
public final class DestructiveCommands {
    /** A destructive command: what to show, where it starts, and the options its path comes from. */
    public record Hit(String command, int offset, Set<String> pathOptions) {}

    private record Kind(Pattern pattern, boolean commandPosition) {}

    private static final String REST = "[^;&|\\n]*?";
    private static final List<Kind> KINDS = List.of(
            kind("(?i)\\bdrop\\s+(?:database|schema|table)\\b", false),
            kind("(?i)\\btruncate\\s+(?:table\\s+)?(?![-\\s])[A-Za-z_\"`\\[]", false),
            kind("(?im)\\bdelete\\s+from\\s+[\\w.\"`]+\\s*(?:;|$|[\"'])", false),
            kind("\\bdropdb\\b", true),
            kind("\\.dropDatabase\\s*\\(", false),
            kind("(?i)\\bflush(?:all|db)\\b", false),
            kind(
                    "\\bkubectl\\b" + REST + "\\bdelete\\s" + REST
                            + "(?:(?<=\\s)(?:ns|namespaces?|deploy(?:ments?)?|statefulsets?|sts|pvc|persistentvolumeclaims?|pv"
                            + "|persistentvolumes?|crds?|customresourcedefinitions?|nodes?)(?=[/\\s]|$)"
                            + "|--all(?:-namespaces)?\\b|(?<=\\s)-A\\b)",
                    false),
            kind("\\bterraform\\b" + REST + "(?:(?<=\\s)destroy\\b|(?<=\\s)apply\\b" + REST + "\\s-destroy\\b)", false),
            kind("\\bec2\\s+terminate-instances\\b", false),
            kind("\\bs3\\s+rb\\b" + REST + "--force\\b", false),
            kind("\\bs3\\s+rm\\b" + REST + "--recursive\\b", false),
            kind("\\brds\\s+delete-db-(?:instance|cluster)\\b", false),
            kind("\\bcloudformation\\s+delete-stack\\b", false),
            kind("\\bdynamodb\\s+delete-table\\b", false),
            kind("\\bgcloud\\b" + REST + "\\b(?:instances|projects|clusters)\\s+delete\\b", false),
            kind("\\baz\\s+group\\s+delete\\b", false),
            kind("\\bgsutil\\b" + REST + "\\brm\\s+-[a-zA-Z]*r", false),
            kind("\\b(?:poweroff|halt)\\b", true),
            kind("\\bsystemctl\\s+(?:poweroff|halt)\\b", false),
            kind("\\b(?:init|telinit)\\s+0\\b", true),
            kind("\\buserdel\\b" + REST + "\\s(?:-[a-zA-Z]*r[a-zA-Z]*|--remove)\\b", false),
            kind("\\bip6?tables(?:-legacy|-nft)?\\b" + REST + "\\s(?:-F|--flush)(?=\\s|$)", false),
            kind("\\bnft\\s+flush\\s+ruleset\\b", false),
            kind("\\bdocker\\s+system\\s+prune\\b" + REST + "\\s(?:-[a-zA-Z]*a[a-zA-Z]*|--all|--volumes)\\b", false),
            kind("\\bdocker\\s+volume\\s+prune\\b", false),
            kind("\\b(?:zfs|zpool)\\s+destroy\\b", false),
            kind("\\b(?:lvremove|vgremove)\\b", true),
            kind("\\bcrontab\\s+(?:-u\\s+\\S+\\s+)?-r\\b", false));
    private static final Pattern SHUTDOWN = Pattern.compile("\\bshutdown\\b");
    private static final Pattern RM = Pattern.compile("\\brm\\b");
    private static final Pattern FIND = Pattern.compile("\\bfind\\b");
    private static final Pattern SYSTEM_DIR = Pattern.compile(
            "(?:/(?:etc|usr|var|home|boot|bin|sbin|lib|lib32|lib64|opt|root|srv|var/lib|var/log|usr/local|usr/lib|usr/bin)"
                    + "|~|\\$HOME|\\$\\{HOME})/?\\*?");

    private DestructiveCommands() {}

    private static Kind kind(String regex, boolean commandPosition) {
        return new Kind(Pattern.compile(regex), commandPosition);
    }

    /**
     * Destructive commands in {@code masked}, at most one per distinct command. {@code rm -r} and
     * {@code find -delete} count on a system directory, or on a path from an option that is not
     * limited to a fixed list ({@code fixedList}) and that the script does not check.
     */
    public static List<Hit> find(String masked, OptionTaint taint, Predicate<String> fixedList) {
        List<Hit> out = new ArrayList<>();
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(masked);
            while (m.find()) {
                if (!k.commandPosition()
                        || ShellCommands.atCommandPosition(masked, m.start()) && !casePattern(masked, m.end())) {
                    out.add(new Hit(shown(masked, m.start()), m.start(), Set.of()));
                    break;
                }
            }
        }
        Matcher s = SHUTDOWN.matcher(masked);
        while (s.find()) {
            if (ShellCommands.atCommandPosition(masked, s.start()) && powersOff(masked, s.end())) {
                out.add(new Hit(shown(masked, s.start()), s.start(), Set.of()));
                break;
            }
        }
        deletes(masked, RM, taint, fixedList, out);
        deletes(masked, FIND, taint, fixedList, out);
        out.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
        return out;
    }

    /** A word followed by {@code )} or a single {@code |} is a {@code case} pattern, not a command. */
    private static boolean casePattern(String masked, int end) {
        int i = end;
        while (i < masked.length() && (masked.charAt(i) == ' ' || masked.charAt(i) == '\t')) {
            i++;
        }
        return i < masked.length()
                && (masked.charAt(i) == ')'
                        || masked.charAt(i) == '|' && (i + 1 >= masked.length() || masked.charAt(i + 1) != '|'));
    }

    /** {@code shutdown} without {@code -r}/{@code -c}/{@code -k} powers the machine off. */
    private static boolean powersOff(String masked, int from) {
        for (Word w : ShellCommands.words(masked, from, ShellCommands.commandEnd(masked, from))) {
            if (w.text().matches("-[a-zA-Z]*[rck][a-zA-Z]*|--reboot|--kill|--no-wall-only")) {
                return false;
            }
        }
        return true;
    }

    private static void deletes(
            String masked, Pattern command, OptionTaint taint, Predicate<String> fixedList, List<Hit> out) {
        Matcher m = command.matcher(masked);
        while (m.find()) {
            if (!ShellCommands.atCommandPosition(masked, m.start())) {
                continue;
            }
            List<Word> words = ShellCommands.words(masked, m.end(), ShellCommands.commandEnd(masked, m.end()));
            List<Word> targets = command == RM ? rmTargets(words) : findTargets(words);
            for (Word target : targets) {
                String path = target.unquoted();
                Set<String> options = taint.optionsIn(target.text());
                boolean system = SYSTEM_DIR.matcher(path).matches();
                boolean fromOption = !options.isEmpty()
                        && !taint.guarded(options)
                        && !options.stream().allMatch(fixedList);
                if (system || fromOption) {
                    out.add(new Hit(shown(masked, m.start()), m.start(), system ? Set.of() : options));
                    return;
                }
            }
        }
    }

    /** Paths of a recursive {@code rm}; none when it is not recursive. */
    private static List<Word> rmTargets(List<Word> words) {
        boolean recursive = false;
        boolean options = true;
        List<Word> targets = new ArrayList<>();
        for (Word w : words) {
            if (options && w.text().equals("--")) {
                options = false;
            } else if (options && w.text().startsWith("-")) {
                recursive |= w.text().matches("-[a-zA-Z]*[rR][a-zA-Z]*|--recursive");
            } else if (!w.text().startsWith(">") && !w.text().matches("[0-9]?>.*")) {
                targets.add(w);
            }
        }
        return recursive ? targets : List.of();
    }

    /** Start paths of a {@code find} that deletes what it finds; none otherwise. */
    private static List<Word> findTargets(List<Word> words) {
        boolean deletes = false;
        List<Word> paths = new ArrayList<>();
        boolean inPaths = true;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i).text();
            inPaths &= !(w.startsWith("-") || w.equals("(") || w.equals("!") || w.equals("\\("));
            if (inPaths) {
                paths.add(words.get(i));
            }
            boolean execRm = (w.equals("-exec") || w.equals("-execdir"))
                    && i + 1 < words.size()
                    && words.get(i + 1).unquoted().matches("(?:.*/)?rm");
            deletes |= w.equals("-delete") || execRm;
        }
        return deletes ? paths : List.of();
    }

    private static String shown(String masked, int at) {
        return ShellCommands.show(ShellCommands.commandAround(masked, at));
    }
}
