package org.runbook.coauthor.render;

import org.runbook.coauthor.plan.OptionRefs;

/** Shell snippets shared by renderers: quoting and the standard script prologue. */
public final class ShellText {
    /** Scripts stop on the first failing command, unset variable or failing pipe stage. */
    public static final String PROLOGUE = "#!/usr/bin/env bash\nset -euo pipefail\n";

    private ShellText() {}

    /** Quotes {@code value} for a POSIX shell double-quoted context, keeping option references live. */
    public static String doubleQuoted(String value) {
        return "\"" + OptionRefs.escapeForDoubleQuotes(value) + "\"";
    }

    /** Quotes {@code value} for a POSIX shell single-quoted context: nothing in it is expanded. */
    public static String singleQuoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Removes trailing blanks on every line, so YAML can keep the text as a literal block. */
    public static String tidy(String text) {
        return text.strip().replaceAll("[ \\t]+(?=\\n|$)", "");
    }
}
