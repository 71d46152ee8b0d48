package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.support.DataReferences;

/**
 * How Rundeck 5.4 builds a command line from an {@code exec} string: it splits the text into words
 * (shell-like quotes group, and are removed), expands each word, and quotes a word for the node's
 * shell only when the word is exactly one {@code ${option.x}} reference. So {@code echo ${option.x}}
 * is safe whatever the value, while {@code cp "${option.dir}/f"} or {@code ${unquotedoption.x}} pass
 * the value to the shell as written. Verified against rundeck-core's {@code ExecArgList} (see
 * DryRunSpec and ExecWordsTest).
 */
final class ExecWords {
    private ExecWords() {}

    /** Whether Rundeck quotes the value of {@code ref} in this exec line. */
    static boolean quotedByRundeck(String exec, DataReferences.Ref ref) {
        if (ref.syntax() != DataReferences.Syntax.DOLLAR_BRACE || ref.group().equals("unquotedoption")) {
            return false;
        }
        String word = wordAt(exec, ref.offset());
        return word != null && word.equals(ref.text());
    }

    /** The unquoted content of the word around {@code offset}, as Rundeck's splitting sees it. */
    static String wordAt(String text, int offset) {
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean containsOffset = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (quote == 0 && Character.isWhitespace(c)) {
                if (containsOffset) {
                    return word.toString();
                }
                word.setLength(0);
                continue;
            }
            if (i == offset) {
                containsOffset = true;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        return null;
    }
}
