package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellQuoting.Quoting;

/**
 * The shell code of a step and a cheap, offset-preserving reading of it: comments, the message text
 * of {@code echo}/{@code printf} and line continuations are blanked so that command patterns do not
 * fire on prose, and the quoting context of any offset can be asked. Not a shell parser; it is tuned
 * to avoid false alarms on the scripts real jobs contain.
 */
public final class ShellCommands {
    /** One piece of shell code in a step. */
    public record Source(String pointer, String text, Form form) {}

    /** How Rundeck expands references in the text. */
    public enum Form {
        /** A command line ({@code exec}, {@code args}): {@code ${option.x}} is expanded. */
        COMMAND,
        /** An inline script: {@code @option.x@} tokens are expanded. */
        SCRIPT
    }

    /** Commands whose arguments are messages, not actions. */
    private static final Set<String> MESSAGE_COMMANDS =
            Set.of("echo", "printf", "logger", "log", "info", "warn", "die", "fail", "fatal", "error", "msg", "note");

    /** Texts longer than this are not analysed (the heuristics are not linear in the worst case). */
    public static final int MAX_TEXT = 262_144;

    private ShellCommands() {}

    /** The shell code of a step: exec line, inline script, script arguments, shell plugin fields. */
    public static List<Source> of(StepView step) {
        List<Source> out = new ArrayList<>();
        JsonNode node = step.node();
        switch (step.kind()) {
            case EXEC -> add(out, node, "exec", step.pointer("exec"), Form.COMMAND);
            case SCRIPT -> add(out, node, "script", step.pointer("script"), Form.SCRIPT);
            default -> {}
        }
        if (step.kind() == StepView.Kind.SCRIPT
                || step.kind() == StepView.Kind.SCRIPTFILE
                || step.kind() == StepView.Kind.SCRIPTURL) {
            add(out, node, "args", step.pointer("args"), Form.COMMAND);
        }
        if (step.kind() == StepView.Kind.PLUGIN) {
            JsonNode config = node.path("configuration");
            String base = step.pointer("configuration");
            switch (step.type()) {
                case "exec-command" -> add(out, config, "adhocRemoteString", base + "/adhocRemoteString", Form.COMMAND);
                case "script-inline" -> {
                    add(out, config, "adhocLocalString", base + "/adhocLocalString", Form.SCRIPT);
                    add(out, config, "argString", base + "/argString", Form.COMMAND);
                }
                case "localexec" -> add(out, config, "command", base + "/command", Form.COMMAND);
                default -> {}
            }
        }
        return out;
    }

    private static void add(List<Source> out, JsonNode parent, String key, String pointer, Form form) {
        JsonNode v = parent.path(key);
        if (v.isTextual() && !v.asText().isBlank() && v.asText().length() <= MAX_TEXT) {
            out.add(new Source(pointer, v.asText(), form));
        }
    }

    /**
     * The text with comments, message arguments ({@code echo "…"}) and line continuations replaced by
     * spaces; same length, so offsets into it are offsets into the text.
     */
    public static String mask(String text) {
        return mask(text, true);
    }

    /** Like {@link #mask(String)} but keeps the arguments of {@code echo}/{@code printf}. */
    public static String maskComments(String text) {
        return mask(text, false);
    }

    /**
     * Several safety rules mask the same texts of the same document one after another; the last
     * results are kept, keyed by text, so each text is scanned once per mode.
     */
    private static final java.util.Map<String, String> MASKED =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
                    return size() > 512;
                }
            });

    private static String mask(String text, boolean messages) {
        String key = (messages ? "m" : "c") + text;
        String cached = MASKED.get(key);
        if (cached != null) {
            return cached;
        }
        String masked = maskUncached(text, messages);
        MASKED.put(key, masked);
        return masked;
    }

    private static String maskUncached(String text, boolean messages) {
        char[] out = text.toCharArray();
        Quoting q = Quoting.NONE;
        boolean commandStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && q != Quoting.SINGLE && i + 1 < n) {
                if (text.charAt(i + 1) == '\n') {
                    out[i] = ' ';
                    out[i + 1] = ' ';
                }
                i += 2;
                continue;
            }
            if (q == Quoting.SINGLE) {
                q = c == '\'' ? Quoting.NONE : q;
                i++;
                continue;
            }
            if (q == Quoting.DOUBLE) {
                q = c == '"' ? Quoting.NONE : q;
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                q = c == '\'' ? Quoting.SINGLE : Quoting.DOUBLE;
                commandStart = false;
                i++;
                continue;
            }
            if (c == '#'
                    && (i == 0
                            || Character.isWhitespace(text.charAt(i - 1))
                            || ";&|(".indexOf(text.charAt(i - 1)) >= 0)) {
                int end = lineEnd(text, i);
                blank(out, i, end);
                i = end;
                continue;
            }
            if (c == '\n') {
                int body = ShellQuoting.heredocBody(text, i);
                if (body > i && messages && ShellQuoting.displayedHeredoc(text, i)) {
                    blank(out, i + 1, ShellQuoting.lastLineStart(text, body));
                }
                commandStart = true;
                i = body > i ? body : i + 1;
                continue;
            }
            if (";&|()`".indexOf(c) >= 0 || braceGroup(text, i)) {
                commandStart = true;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (commandStart) {
                int end = wordEnd(text, i);
                String word = text.substring(i, end);
                if (messages && MESSAGE_COMMANDS.contains(word)) {
                    int stop = commandEnd(text, end);
                    blank(out, end, stop);
                    i = stop;
                    continue;
                }
                commandStart = isPrefixWord(word);
                i = end;
                continue;
            }
            i++;
        }
        return new String(out);
    }

    /** A {@code { list; }} brace, not the brace of {@code ${var}}. */
    private static boolean braceGroup(String text, int i) {
        char c = text.charAt(i);
        if (c == '{') {
            return (i == 0 || text.charAt(i - 1) != '$')
                    && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
        }
        return c == '}' && i > 0 && (Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == ';');
    }

    /** Words after which the next word is still in command position ({@code sudo rm}, {@code if rm}). */
    private static boolean isPrefixWord(String word) {
        return switch (word) {
            case "sudo",
                    "$SUDO",
                    "${SUDO}",
                    "as_root",
                    "then",
                    "do",
                    "else",
                    "if",
                    "while",
                    "until",
                    "!",
                    "exec",
                    "command",
                    "nohup",
                    "time",
                    "env",
                    "run",
                    "eval",
                    "xargs" -> true;
            default -> word.matches("[A-Za-z_][A-Za-z0-9_]*=\\S*");
        };
    }

    /** Start of the simple command holding {@code offset}: after the last unquoted separator. */
    public static int commandStart(String masked, int offset) {
        for (int i = Math.min(offset, masked.length()) - 1; i >= 0; i--) {
            if (";&|\n(`".indexOf(masked.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    /** End of the simple command that starts at or before {@code from}: the next separator. */
    public static int commandEnd(String text, int from) {
        return scanTo(text, from, ";&|\n)", false);
    }

    /** The words of {@code text[from, to)} split on unquoted blanks, quotes kept, with their offsets. */
    public static List<Word> words(String text, int from, int to) {
        List<Word> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i >= to) {
                break;
            }
            int end = Math.min(wordEnd(text, i), to);
            out.add(new Word(text.substring(i, end), i));
            i = end;
        }
        return out;
    }

    /** A word of a command line and where it starts. */
    public record Word(String text, int offset) {
        /** The word without its quotes. */
        public String unquoted() {
            return text.replace("\"", "").replace("'", "");
        }
    }

    /** Whether {@code offset} starts a command: only separators, blanks and prefixes ({@code sudo}) before it. */
    public static boolean atCommandPosition(String masked, int offset) {
        int start = commandStart(masked, offset);
        for (Word w : words(masked, start, offset)) {
            if (!isPrefixWord(w.text()) && !w.text().startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    /** The simple command around {@code offset} (from its start to its end, within one line), for messages. */
    public static String commandAround(String masked, int offset) {
        int start = commandStart(masked, offset);
        int lineEnd = masked.indexOf('\n', offset);
        int end = Math.min(commandEnd(masked, start), lineEnd < 0 ? masked.length() : lineEnd);
        return masked.substring(start, Math.max(offset, end)).strip();
    }

    /** A short, quote-free rendering of a command for messages. */
    public static String show(String command) {
        String s = command.replace("\"", "")
                .replace("'", "")
                .replaceAll("\\s+", " ")
                .strip();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** End of the word at {@code from}; at least one character, so callers always advance. */
    private static int wordEnd(String text, int from) {
        int end = scanWord(text, from);
        return end > from ? end : Math.min(from + 1, text.length());
    }

    private static int scanWord(String text, int from) {
        return scanTo(text, from, ";&|()<>", true);
    }

    /** Index of the first unquoted, unescaped character of {@code stops} (or whitespace, if asked) from {@code from}. */
    private static int scanTo(String text, int from, String stops, boolean whitespace) {
        Quoting q = Quoting.NONE;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && q != Quoting.SINGLE) {
                i++;
            } else if (c == '\'' && q != Quoting.DOUBLE) {
                q = q == Quoting.SINGLE ? Quoting.NONE : Quoting.SINGLE;
            } else if (c == '"' && q != Quoting.SINGLE) {
                q = q == Quoting.DOUBLE ? Quoting.NONE : Quoting.DOUBLE;
            } else if (q == Quoting.NONE && (stops.indexOf(c) >= 0 || whitespace && Character.isWhitespace(c))) {
                return i;
            }
        }
        return text.length();
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private static void blank(char[] out, int from, int to) {
        for (int i = from; i < to && i < out.length; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
    }
}
