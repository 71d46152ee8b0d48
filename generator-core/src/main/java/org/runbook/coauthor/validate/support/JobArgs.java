package org.runbook.coauthor.validate.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a job reference's {@code args} the way Rundeck does ({@code OptionsParserUtil.parseOptsFromString}):
 * the string is split into words with shell-like quoting (a doubled quote inside quotes is a literal
 * quote), then read as {@code -name value} pairs; a word after a name is its value, whatever it looks
 * like, and stray values are ignored.
 */
public final class JobArgs {
    /** One option name passed in args, and the 0-based offset of its {@code -}. */
    public record Arg(String name, int offset) {}

    private record Word(String text, int offset) {}

    private JobArgs() {}

    public static List<Arg> options(String args) {
        List<Arg> out = new ArrayList<>();
        Word key = null;
        for (Word w : words(args)) {
            if (key != null) {
                key = null;
            } else if (w.text().startsWith("-") && w.text().length() > 1) {
                key = w;
                out.add(new Arg(w.text().substring(1), w.offset()));
            }
        }
        return out;
    }

    static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            StringBuilder word = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (quote != 0) {
                    if (c == quote && i + 1 < n && s.charAt(i + 1) == quote) {
                        word.append(c);
                        i += 2;
                    } else if (c == quote) {
                        quote = 0;
                        i++;
                    } else {
                        word.append(c);
                        i++;
                    }
                } else if (Character.isWhitespace(c)) {
                    break;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    i++;
                } else {
                    word.append(c);
                    i++;
                }
            }
            out.add(new Word(word.toString(), start));
        }
        return out;
    }
}
