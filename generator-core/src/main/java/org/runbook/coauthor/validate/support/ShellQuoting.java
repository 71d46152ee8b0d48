package org.runbook.coauthor.validate.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where shell text is quoted: single or double quotes, and here-documents, which expand like
 * double quotes, expand nothing ({@code <<'EOF'}) or are code themselves when fed to a shell
 * ({@code bash <<EOF}, {@code ssh host <<EOF}). Read in one pass; not a shell parser.
 */
public final class ShellQuoting {
    /** The quoting in force at an offset. */
    public enum Quoting {
        NONE,
        DOUBLE,
        SINGLE,
        /** A here-document body with an unquoted delimiter: {@code $} and backquotes expand. */
        HEREDOC,
        /** A here-document body with a quoted delimiter ({@code <<'EOF'}): nothing expands. */
        HEREDOC_QUOTED,
        /** A here-document fed to a shell ({@code bash <<EOF}, {@code ssh host <<EOF}): its body is code. */
        HEREDOC_CODE
    }

    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<-?(?!<)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");
    private static final Pattern SHELL_WORD =
            Pattern.compile("(?:^|\\s)(?:\\S*/)?(?:(?:ba|z|k|da)?sh|ssh|su)(?=\\s|$)");

    private ShellQuoting() {}

    /** After a line break that ends a line holding {@code <<EOF}, skips the here-document body. */
    static int heredocBody(String text, int newline) {
        int lineStart = text.lastIndexOf('\n', newline - 1) + 1;
        Matcher m = HEREDOC.matcher(text.substring(lineStart, newline));
        if (!m.find()) {
            return -1;
        }
        String delimiter = m.group(2);
        int i = newline + 1;
        while (i < text.length()) {
            int end = lineEnd(text, i);
            if (text.substring(i, end).strip().equals(delimiter)) {
                return end;
            }
            i = end + 1;
        }
        return text.length();
    }

    /**
     * Whether the here-document opened on the line ending at {@code newline} is only displayed:
     * {@code cat <<EOF} (or {@code cat >&2 <<EOF}) not piped on and not written to a file.
     */
    static boolean displayedHeredoc(String text, int newline) {
        int lineStart = text.lastIndexOf('\n', newline - 1) + 1;
        String line = text.substring(lineStart, newline);
        int at = line.indexOf("<<");
        if (at < 0) {
            return false;
        }
        String command =
                line.substring(ShellCommands.commandStart(line, at), at).strip();
        String rest = line.substring(at);
        boolean toFile =
                (command + " " + rest).replace(">&2", "").replace(">&1", "").contains(">");
        return command.matches("(?:sudo\\s+)?cat(?:\\s+-)?(?:\\s+>&[12])?") && !toFile && !rest.contains("|");
    }

    /** How the body of the here-document opened on the line ending at {@code newline} is read. */
    private static Quoting heredocKind(String text, int newline) {
        int lineStart = text.lastIndexOf('\n', newline - 1) + 1;
        String line = text.substring(lineStart, newline);
        Matcher m = HEREDOC.matcher(line);
        if (!m.find()) {
            return Quoting.NONE;
        }
        String command = line.substring(ShellCommands.commandStart(line, m.start()), m.start());
        if (SHELL_WORD.matcher(command).find()) {
            return Quoting.HEREDOC_CODE;
        }
        return m.group(1).isEmpty() ? Quoting.HEREDOC : Quoting.HEREDOC_QUOTED;
    }

    static int lastLineStart(String text, int end) {
        return text.lastIndexOf('\n', Math.max(0, end - 1)) + 1;
    }

    /** The quoting in force at {@code offset}, read from the start of the text. */
    public static Quoting quotingAt(String text, int offset) {
        return quoting(text)[Math.max(0, Math.min(offset, text.length()))];
    }

    /**
     * The quoting in force before each offset of the text (index {@code text.length()} included), in
     * one pass.
     */
    public static Quoting[] quoting(String text) {
        Quoting[] out = new Quoting[text.length() + 1];
        Quoting q = Quoting.NONE;
        int i = 0;
        while (i < text.length()) {
            out[i] = q;
            char c = text.charAt(i);
            if (c == '\\' && q != Quoting.SINGLE && i + 1 < text.length()) {
                out[i + 1] = q;
                i += 2;
                continue;
            }
            if (c == '\'' && q != Quoting.DOUBLE) {
                q = q == Quoting.SINGLE ? Quoting.NONE : Quoting.SINGLE;
            } else if (c == '"' && q != Quoting.SINGLE) {
                q = q == Quoting.DOUBLE ? Quoting.NONE : Quoting.DOUBLE;
            } else if (c == '\n' && q == Quoting.NONE) {
                int body = heredocBody(text, i);
                Quoting kind = body > i ? heredocKind(text, i) : Quoting.NONE;
                for (int j = i + 1; j < body; j++) {
                    out[j] = kind;
                }
                i = body > i ? body : i + 1;
                continue;
            }
            i++;
        }
        for (int j = 0; j <= text.length(); j++) {
            out[j] = out[j] == null ? q : out[j];
        }
        return out;
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }
}
