package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.model.StepView;

/**
 * Tells steps that only look from steps that may change something. A step is read-only when it is a
 * plugin that changes nothing on nodes ({@code flow-control}, {@code log-data-step}, ...) or a shell
 * command or script whose every simple command is an inspection command ({@code uptime}, {@code df},
 * {@code systemctl status}, {@code cat}, ...) without a redirection into a file. Anything not obviously
 * read-only (a script file, a job reference, an unknown plugin, a script in another language) counts
 * as changing state.
 */
public final class ReadOnlySteps {
    private static final Set<String> READ_ONLY_PROVIDERS = Set.of(
            "flow-control",
            "job-state-conditional",
            "log-data-step",
            "stub-data-step",
            "stub-node-step",
            "export-var",
            "source-refresh-plugin");
    private static final Set<String> INSPECTORS = Set.of(
            "echo",
            "printf",
            "cat",
            "ls",
            "df",
            "du",
            "free",
            "uptime",
            "hostname",
            "whoami",
            "id",
            "uname",
            "date",
            "pwd",
            "ps",
            "grep",
            "egrep",
            "fgrep",
            "zgrep",
            "awk",
            "head",
            "tail",
            "wc",
            "sort",
            "uniq",
            "cut",
            "tr",
            "stat",
            "file",
            "which",
            "type",
            "env",
            "printenv",
            "sleep",
            "ping",
            "nslookup",
            "dig",
            "host",
            "getent",
            "netstat",
            "ss",
            "lsof",
            "dmesg",
            "basename",
            "dirname",
            "realpath",
            "readlink",
            "md5sum",
            "sha1sum",
            "sha256sum",
            "cksum",
            "jq",
            "nproc",
            "lscpu",
            "lsblk",
            "vmstat",
            "iostat",
            "mpstat",
            "w",
            "who",
            "last",
            "users",
            "groups",
            "locale",
            "test",
            "[",
            "[[",
            "true",
            "false",
            ":",
            "exit",
            "return",
            "set",
            "shift",
            "local",
            "declare",
            "readonly",
            "export",
            "unset",
            "if",
            "then",
            "else",
            "elif",
            "fi",
            "for",
            "while",
            "until",
            "do",
            "done",
            "case",
            "esac",
            "in",
            "break",
            "continue",
            "wait",
            "read",
            "journalctl",
            "curl",
            "wget",
            "openssl",
            "timedatectl",
            "hostnamectl",
            "nc");
    /** Subcommands that only look, for tools whose other subcommands act. */
    private static final Pattern LOOKING_SUBCOMMAND = Pattern.compile("(?:systemctl|service)\\s+(?:\\S+\\s+)?"
            + "(?:status|is-active|is-enabled|is-failed|list-units|list-unit-files|show|cat)\\b"
            + "|(?:kubectl|oc)\\s+(?:get|describe|logs|top|version|explain|api-resources)\\b"
            + "|docker\\s+(?:ps|images|inspect|logs|version|info|stats)\\b"
            + "|git\\s+(?:status|log|diff|show|rev-parse|branch|remote)\\b"
            + "|ip\\s+(?:-\\S+\\s+)*(?:addr|a|route|r|link|neigh)(?:\\s+show)?\\b");

    private static final Pattern WRITING_FLAGS =
            Pattern.compile("\\bsed\\s+(?:\\S+\\s+)*-i|\\bcurl\\b.*\\s(?:-X|--request|-d|"
                    + "--data\\S*|-F|--form|-T|--upload-file|-o|-O)\\b|\\bwget\\b|\\bjournalctl\\b.*--(?:vacuum|rotate)|\\bdmesg\\s+-[cC]"
                    + "|\\bawk\\b.*-i\\s*inplace");
    private static final Pattern REDIRECT =
            Pattern.compile("(?<![0-9&<>])>>?\\s*(?!&|/dev/null|/dev/stderr|/dev/stdout)\\S");
    private static final Pattern SEPARATOR = Pattern.compile("&&|\\|\\||[;|&\\n(){}`]|\\$\\(");
    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"");
    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=\\S*");

    private ReadOnlySteps() {}

    public static boolean readOnly(StepView step) {
        if (step.kind() == StepView.Kind.PLUGIN && step.type().isBlank()) {
            return true; // not a step Rundeck can run; other rules report it
        }
        return switch (step.kind()) {
            case EXEC -> readOnlyShell(step.shellText(), false);
            case SCRIPT -> readOnlyShell(step.shellText(), true);
            case PLUGIN -> READ_ONLY_PROVIDERS.contains(step.type())
                    || step.type().equals("exec-command")
                            && readOnlyShell(step.configuration().getOrDefault("adhocRemoteString", ""), false)
                    || step.type().equals("localexec")
                            && readOnlyShell(step.configuration().getOrDefault("command", ""), false)
                    || step.type().equals("script-inline")
                            && readOnlyShell(step.configuration().getOrDefault("adhocLocalString", ""), true);
            default -> false;
        };
    }

    /** What the step runs, shortened for messages. */
    public static String show(StepView step) {
        String text =
                switch (step.kind()) {
                    case EXEC, SCRIPT -> step.shellText();
                    case SCRIPTFILE -> step.node().path("scriptfile").asText("");
                    case SCRIPTURL -> step.node().path("scripturl").asText("");
                    case JOBREF -> "job "
                            + step.node().path("jobref").path("group").asText("") + "/"
                            + step.node()
                                    .path("jobref")
                                    .path("name")
                                    .asText(step.node()
                                            .path("jobref")
                                            .path("uuid")
                                            .asText(""));
                    case PLUGIN -> step.type();
                };
        String line = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.matches("set\\s+[-+].*"))
                .findFirst()
                .orElse("")
                .strip();
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    private static boolean readOnlyShell(String text, boolean script) {
        if (text.isBlank()) {
            return false;
        }
        String first = text.lines().findFirst().orElse("");
        if (script && first.startsWith("#!") && !first.matches("#!.*\\b(?:sh|bash|dash|ksh|zsh)\\b.*")) {
            return false;
        }
        if (text.length() > 100_000) {
            return false;
        }
        String code = maskQuotes(text.replaceAll("(?m)(^|\\s)#.*$", "$1"));
        if (REDIRECT.matcher(code).find() || WRITING_FLAGS.matcher(code).find()) {
            return false;
        }
        for (String command : SEPARATOR.split(code)) {
            if (!readOnlyCommand(command.strip())) {
                return false;
            }
        }
        return true;
    }

    /** Blanks quoted text that runs nothing: single-quoted, and double-quoted without {@code $(} or backquotes. */
    private static String maskQuotes(String code) {
        Matcher m = QUOTED.matcher(code);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String q = m.group();
            boolean runs = q.startsWith("\"") && (q.contains("$(") || q.contains("`"));
            m.appendReplacement(out, Matcher.quoteReplacement(runs ? q : "''"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean readOnlyCommand(String command) {
        command = command.replaceAll("^[\"'\\s]+|[\"'\\s]+$", "");
        List<String> words = List.of(command.split("\\s+"));
        int i = 0;
        while (i < words.size()
                && (ASSIGNMENT.matcher(words.get(i)).matches()
                        || Set.of("sudo", "time", "nice", "command", "!").contains(words.get(i)))) {
            i++;
        }
        if (i >= words.size() || words.get(i).isEmpty()) {
            return true;
        }
        String word = words.get(i).toLowerCase(Locale.ROOT).replaceAll("^.*/", "");
        if (INSPECTORS.contains(word)) {
            return true;
        }
        Matcher m = LOOKING_SUBCOMMAND.matcher(String.join(" ", words.subList(i, words.size())));
        return m.lookingAt();
    }
}
