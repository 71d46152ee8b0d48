package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Rundeck data references in step text, in all the syntaxes Rundeck expands:
 * {@code ${group.key}} (also {@code ${unquotedoption.key}}, {@code ${N:group.key}},
 * {@code ${group.key@node}}, {@code ${group.key*}}), {@code @group.key@} in inline scripts, and
 * {@code $RD_GROUP_KEY} / {@code ${RD_GROUP_KEY}} environment variables.
 */
public final class DataReferences {
    /** Where a reference was written and what it names. */
    public record Ref(Syntax syntax, String group, String key, int offset, String text) {
        /** The option name for an option reference (env-var references give the upper-cased form). */
        public boolean isOption() {
            return group.equals("option") || group.equals("unquotedoption") || group.equals("secureOption");
        }
    }

    /** How a reference is written. */
    public enum Syntax {
        DOLLAR_BRACE,
        AT_TOKEN,
        ENV_VAR
    }

    private static final Pattern DOLLAR =
            Pattern.compile("\\$\\{(?:([0-9]+):)?([^\\s.}]+)\\.([^\\s}@*]+)(?:@[^\\s}]*)?\\*?[^}]*}");
    private static final Pattern AT = Pattern.compile("@([A-Za-z0-9_+-]+)\\.([A-Za-z0-9_.+:-]+)@");
    private static final Pattern ENV = Pattern.compile("\\$\\{?RD_([A-Z0-9]+)_([A-Z0-9_]+)}?");

    /**
     * A reference as Rundeck parses it ({@code ArgumentVarExpander}, {@code ScriptVarExpander}):
     * {@code ${[N:]group.key[@node|*glob]}} or {@code @[N:]group.key[/node|*glob]@}.
     *
     * @param step the step number of {@code N:}, or 0 when absent
     * @param offset where the reference starts in the text; {@code end} is just after it
     */
    public record Reference(Syntax syntax, int step, String group, String key, int offset, int end, String text) {
        public boolean isOption() {
            return OPTION_GROUPS.contains(group);
        }
    }

    /** The groups that hold option values. */
    public static final java.util.Set<String> OPTION_GROUPS =
            java.util.Set.of("option", "unquotedoption", "secureOption");

    /**
     * Context groups Rundeck fills for every step (reference section 3.1), plus {@code result} (error
     * handlers), {@code file} (file options) and {@code stub} (stub data steps). Custom groups come
     * from {@code export-var} steps and plugins.
     */
    public static final java.util.Set<String> STEP_GROUPS = java.util.Set.of(
            "job",
            "option",
            "unquotedoption",
            "secureOption",
            "node",
            "globals",
            "data",
            "export",
            "exec",
            "stub",
            "result",
            "file");

    /** Groups notifications add to the step groups ({@code NotificationService}). */
    public static final java.util.Set<String> NOTIFICATION_GROUPS =
            java.util.Set.of("execution", "rundeck", "notification", "logoutput");

    /** Keys Rundeck 5.4 sets in the {@code job} group of a step ({@code ExecutionService.exportContextForExecution}). */
    public static final java.util.Set<String> JOB_KEYS = java.util.Set.of(
            "id",
            "name",
            "group",
            "project",
            "execid",
            "executionUuid",
            "username",
            "user.name",
            "user.email",
            "user.firstName",
            "user.lastName",
            "loglevel",
            "retryAttempt",
            "wasRetry",
            "retryInitialExecId",
            "retryPrevExecId",
            "threadcount",
            "filter",
            "serverUrl",
            "url",
            "serverUUID",
            "executionType",
            "successOnEmptyNodeFilter",
            "outputfilepath",
            "execIdForLogStore",
            "isRemoteFilePath",
            "execDateCompleted");

    private static final Pattern WRITTEN_INNER = Pattern.compile("(?:[0-9]+:)?([^.]*)(?:\\.(.*))?", Pattern.DOTALL);
    private static final Pattern VIEW_REF = Pattern.compile("\\$\\{([^\\s}]+)}");
    private static final Pattern VIEW_VAR = Pattern.compile("(?:([0-9]+):)?([^\\s.]+)\\.([^\\s@*]+)(?:@\\S+|\\*\\S*)?");
    private static final Pattern SCRIPT_VAR =
            Pattern.compile("(?:([0-9]+):)?([^\\s.]+)\\.([^\\s/*]+)(?:/\\S+|\\*\\S*)?");

    private DataReferences() {}

    /** Every {@code ${...}} that Rundeck expands as a data reference where it expands them. */
    public static List<Reference> expanded(String text) {
        List<Reference> out = new ArrayList<>();
        Matcher m = VIEW_REF.matcher(text);
        while (m.find()) {
            Matcher v = VIEW_VAR.matcher(m.group(1));
            if (v.matches()) {
                out.add(new Reference(
                        Syntax.DOLLAR_BRACE, step(v.group(1)), v.group(2), v.group(3), m.start(), m.end(), m.group()));
            }
        }
        return out;
    }

    /**
     * Every {@code @...@} token Rundeck expands in an inline script, read as {@code ReplaceTokenReader}
     * does: a token runs to the next {@code @} without whitespace, and {@code @@} is a literal {@code @}.
     * Tokens that are not {@code group.key} are left out (Rundeck blanks them too).
     */
    public static List<Reference> scriptTokens(String text) {
        List<Reference> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf('@', i);
            if (start < 0 || start + 1 >= text.length()) {
                break;
            }
            if (text.charAt(start + 1) == '@') {
                i = start + 2;
                continue;
            }
            int j = start + 1;
            while (j < text.length() && text.charAt(j) != '@' && !Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j >= text.length() || text.charAt(j) != '@') {
                i = j;
                continue;
            }
            Matcher v = SCRIPT_VAR.matcher(text.substring(start + 1, j));
            if (v.matches()) {
                out.add(new Reference(
                        Syntax.AT_TOKEN,
                        step(v.group(1)),
                        v.group(2),
                        v.group(3),
                        start,
                        j + 1,
                        text.substring(start, j + 1)));
            }
            i = j + 1;
        }
        return out;
    }

    /**
     * A {@code ${...}} as written, possibly broken: it ends at {@code }}, whitespace or a quote.
     *
     * @param key the text after the first dot, or null when there is no dot
     */
    public record Written(int offset, String text, boolean closed, String group, String key) {}

    /** Every {@code ${} opening of the text, read the way Rundeck splits a reference into group and key. */
    public static List<Written> written(String text) {
        List<Written> out = new ArrayList<>();
        int from = 0;
        while ((from = text.indexOf("${", from)) >= 0) {
            int end = from + 2;
            while (end < text.length()
                    && "}\"'".indexOf(text.charAt(end)) < 0
                    && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            boolean closed = end < text.length() && text.charAt(end) == '}';
            Matcher m = WRITTEN_INNER.matcher(text.substring(from + 2, end));
            if (m.matches()) {
                out.add(new Written(
                        from, text.substring(from, closed ? end + 1 : end), closed, m.group(1), m.group(2)));
            }
            from = Math.max(end, from + 2);
        }
        return out;
    }

    private static int step(String digits) {
        if (digits == null) {
            return 0;
        }
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** References written as {@code ${group.key}}, anywhere Rundeck expands them. */
    public static List<Ref> dollar(String text) {
        List<Ref> out = new ArrayList<>();
        Matcher m = DOLLAR.matcher(text);
        while (m.find()) {
            out.add(new Ref(Syntax.DOLLAR_BRACE, m.group(2), m.group(3), m.start(), m.group()));
        }
        return out;
    }

    /** {@code @group.key@} tokens, which Rundeck expands in inline scripts. */
    public static List<Ref> atTokens(String text) {
        List<Ref> out = new ArrayList<>();
        Matcher m = AT.matcher(text);
        while (m.find()) {
            out.add(new Ref(Syntax.AT_TOKEN, m.group(1), m.group(2), m.start(), m.group()));
        }
        return out;
    }

    /**
     * {@code $RD_OPTION_X} environment variables. The key is upper-case with {@code _} for every
     * character outside {@code [A-Za-z0-9_]}, so compare it with {@link #envName(String)}.
     */
    public static List<Ref> envVars(String text) {
        List<Ref> out = new ArrayList<>();
        Matcher m = ENV.matcher(text);
        while (m.find()) {
            out.add(new Ref(Syntax.ENV_VAR, m.group(1).toLowerCase(Locale.ROOT), m.group(2), m.start(), m.group()));
        }
        return out;
    }

    /** Rundeck's env-var form of a key: {@code my-opt} → {@code MY_OPT}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
