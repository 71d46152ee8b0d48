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

    private static final Pattern DOLLAR = Pattern.compile("\\$\\{(?:([0-9]+):)?([^\\s.}]+)\\.([^\\s}@*]+)(?:@[^\\s}]*)?\\*?[^}]*}");
    private static final Pattern AT = Pattern.compile("@([A-Za-z0-9_+-]+)\\.([A-Za-z0-9_.+:-]+)@");
    private static final Pattern ENV = Pattern.compile("\\$\\{?RD_([A-Z0-9]+)_([A-Z0-9_]+)}?");

    private DataReferences() {}

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
