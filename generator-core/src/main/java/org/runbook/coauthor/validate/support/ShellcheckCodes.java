package org.runbook.coauthor.validate.support;

import java.util.Set;

/**
 * Which shellcheck items the validators keep and at what level, shared by SH002 and JK202. Scripts
 * are checked with their references (Rundeck data, Groovy interpolation) replaced by a sample word.
 */
public final class ShellcheckCodes {
    /**
     * Codes that only say a word is constant. On a line holding a replaced reference they describe
     * the substitution, not the script: SC2043 (loop runs once), SC2050 and SC2078 (constant
     * expression), SC2157 (argument to -n/-z always true/false), SC2193 (arguments can never be
     * equal), SC2194 (constant case word).
     */
    public static final Set<Integer> CONSTANT_WORD = Set.of(2043, 2050, 2078, 2157, 2193, 2194);
    /** Codes about shellcheck's own reach, not the script: SC1090/SC1091 (cannot follow a sourced file). */
    public static final Set<Integer> TOOL_LIMIT = Set.of(1090, 1091);
    /**
     * shellcheck errors that are quoting hazards rather than certain failures: an unquoted array
     * expansion (SC2068) or a string mixed with an array (SC2145) re-splits only elements holding
     * whitespace, so a script that works with its real data would be called broken. Warnings.
     */
    public static final Set<Integer> HAZARD = Set.of(2068, 2145);

    private ShellcheckCodes() {}

    /** Whether to drop the item: a tool limit, or a constant-word remark on a line with a replacement. */
    public static boolean ignored(Shellcheck.Item item, ShellScripts.Prepared prepared) {
        return TOOL_LIMIT.contains(item.code())
                || CONSTANT_WORD.contains(item.code()) && prepared.lineHasReplacement(item.line());
    }

    /** Whether the item is reported as an error (shellcheck errors except quoting hazards). */
    public static boolean error(Shellcheck.Item item) {
        return item.isError() && !HAZARD.contains(item.code());
    }
}
