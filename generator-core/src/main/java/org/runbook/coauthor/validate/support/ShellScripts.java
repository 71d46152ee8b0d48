package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;

/**
 * The shell text of a step, as the shell tools (bash -n, shellcheck) should see it. A step holds
 * shell text when it is an inline script (a {@code script:} step or a {@code script-inline} plugin
 * step) run by bash or sh, or a command line ({@code exec:} or {@code exec-command}). The interpreter
 * is the {@code scriptInterpreter} when it names one, else the shebang, else the node's default
 * shell; {@code fileExtension}s such as {@code .ps1} and jobs aimed at Windows nodes are skipped.
 *
 * <p>Rundeck data references are replaced with a harmless word first, recording for every character
 * where it came from, so tool positions map back to the text as written. Inline scripts get Rundeck
 * 5.4's token reader ({@code ReplaceTokenReader}): {@code @@} is a literal {@code @}, any run of
 * non-whitespace between two {@code @} is a token (a backslash escapes nothing), and an {@code @}
 * that whitespace follows before the next {@code @} stays literal. {@code ${group.key}} becomes the
 * sample word in both kinds of text.
 */
public final class ShellScripts {
    /** The word every data reference is replaced with. */
    public static final String SAMPLE = "sample";

    private static final Pattern DOLLAR_REF = Pattern.compile("\\$\\{(?:[0-9]+:)?[A-Za-z_][A-Za-z0-9_-]*\\.[^\\s}]+}");
    private static final Set<String> SHELLS = Set.of("bash", "sh", "dash");
    private static final Set<String> WRAPPERS = Set.of("sudo", "env", "nice", "nohup", "exec", "time", "command");

    /**
     * Shell text found in a step.
     *
     * @param pointer where the text is written
     * @param text the text as written
     * @param script true for an inline script, false for a command line
     * @param prepared what the tools see
     */
    public record Script(String pointer, String text, boolean script, Prepared prepared) {}

    /**
     * Text with data references replaced, and for each of its characters the offset it came from.
     * {@code replaced[i]} is true when character {@code i} belongs to a replacement.
     */
    public record Prepared(String text, int[] origin, boolean[] replaced) {
        /** The offset in the written text of {@code offset} in the prepared text. */
        public int originOf(int offset) {
            if (origin.length == 0) {
                return 0;
            }
            return origin[Math.max(0, Math.min(offset, origin.length - 1))];
        }

        /** Whether the 1-based {@code line} of the prepared text holds a replaced reference. */
        public boolean lineHasReplacement(int line) {
            int current = 1;
            for (int i = 0; i < text.length() && current <= line; i++) {
                if (current == line && replaced[i]) {
                    return true;
                }
                if (text.charAt(i) == '\n') {
                    current++;
                }
            }
            return false;
        }
    }

    /** Collects the prepared text and, per character, its origin, without boxing. */
    private static final class Builder {
        private final StringBuilder text;
        private int[] origin;
        private boolean[] replaced;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            origin = new int[Math.max(16, capacity)];
            replaced = new boolean[origin.length];
        }

        void add(String s, int from, boolean isReplacement) {
            for (int j = 0; j < s.length(); j++) {
                add(s.charAt(j), from, isReplacement);
            }
        }

        void add(char c, int from, boolean isReplacement) {
            int at = text.length();
            if (at == origin.length) {
                origin = Arrays.copyOf(origin, at * 2);
                replaced = Arrays.copyOf(replaced, at * 2);
            }
            text.append(c);
            origin[at] = from;
            replaced[at] = isReplacement;
        }

        Prepared build() {
            return new Prepared(
                    text.toString(), Arrays.copyOf(origin, text.length()), Arrays.copyOf(replaced, text.length()));
        }
    }

    private ShellScripts() {}

    /** The shell text of a step, or empty when it holds none a bash tool can check. */
    public static Optional<Script> of(JobView job, StepView step) {
        boolean windows = job.nodeFilter()
                .map(f -> f.toLowerCase(Locale.ROOT).contains("windows"))
                .orElse(false);
        JsonNode n = step.node();
        switch (step.kind()) {
            case EXEC -> {
                return windows || !n.path("exec").isTextual()
                        ? Optional.empty()
                        : Optional.of(
                                command(step.pointer("exec"), n.path("exec").asText()));
            }
            case SCRIPT -> {
                return script(
                        step.pointer("script"),
                        n.path("script"),
                        n.path("scriptInterpreter"),
                        n.path("fileExtension"),
                        windows);
            }
            case PLUGIN -> {
                JsonNode c = n.path("configuration");
                if (step.type().equals("script-inline")) {
                    return script(
                            step.configurationPointer("adhocLocalString"),
                            c.path("adhocLocalString"),
                            c.path("scriptInterpreter"),
                            c.path("fileExtension"),
                            windows);
                }
                if (step.type().equals("exec-command")
                        && c.path("adhocRemoteString").isTextual()
                        && !windows) {
                    return Optional.of(command(
                            step.configurationPointer("adhocRemoteString"),
                            c.path("adhocRemoteString").asText()));
                }
                return Optional.empty();
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Script command(String pointer, String text) {
        return new Script(pointer, text, false, prepare(text, false));
    }

    private static Optional<Script> script(
            String pointer, JsonNode body, JsonNode interpreter, JsonNode extension, boolean windows) {
        if (!body.isTextual() || body.asText().isBlank()) {
            return Optional.empty();
        }
        String text = body.asText();
        Optional<Boolean> byInterpreter =
                interpreter.isTextual() ? shellCommand(interpreter.asText()) : Optional.empty();
        Optional<Boolean> byShebang = text.startsWith("#!")
                ? Optional.of(
                        shellCommand(text.substring(2, text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n')))
                                .orElse(false))
                : Optional.empty();
        String ext = extension.isValueNode()
                ? extension.asText("").replaceFirst("^\\.", "").toLowerCase(Locale.ROOT)
                : "";
        boolean shell = byInterpreter.or(() -> byShebang).orElse(!windows && (ext.isEmpty() || SHELLS.contains(ext)));
        return shell ? Optional.of(new Script(pointer, text, true, prepare(text, true))) : Optional.empty();
    }

    /**
     * Whether a command prefix (an interpreter, or a shebang without {@code #!}) runs bash or sh:
     * empty when it names no program (e.g. a bare {@code sudo}).
     */
    static Optional<Boolean> shellCommand(String command) {
        boolean skipNext = false;
        String wrapper = "";
        for (String w : command.strip().split("\\s+")) {
            if (w.isEmpty() || skipNext) {
                skipNext = false;
                continue;
            }
            String base = w.substring(w.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (w.startsWith("-")) {
                // options that take a value: sudo -u/-g USER, nice -n N
                skipNext = (wrapper.equals("sudo") && (w.equals("-u") || w.equals("-g")))
                        || (wrapper.equals("nice") && w.equals("-n"));
                continue;
            }
            if (WRAPPERS.contains(base)) {
                wrapper = base;
                continue;
            }
            if (w.contains("=") || w.contains("${scriptfile}")) {
                continue;
            }
            return Optional.of(SHELLS.contains(base) || base.matches("bash[0-9.]*"));
        }
        return Optional.empty();
    }

    /** Replaces data references; {@code tokens} also reads {@code @...@} as Rundeck does in scripts. */
    public static Prepared prepare(String text, boolean tokens) {
        Builder out = new Builder(text.length());
        Matcher dollar = DOLLAR_REF.matcher(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '$' && dollar.region(i, n).lookingAt()) {
                out.add(SAMPLE, i, true);
                i = dollar.end();
            } else if (c == '@' && tokens) {
                if (i + 1 < n && text.charAt(i + 1) == '@') {
                    out.add('@', i, false);
                    i += 2;
                    continue;
                }
                int k = i + 1;
                while (k < n && text.charAt(k) != '@' && !Character.isWhitespace(text.charAt(k))) {
                    k++;
                }
                if (k < n && text.charAt(k) == '@') {
                    out.add(SAMPLE, i, true);
                    i = k + 1;
                } else {
                    for (int j = i; j < k; j++) {
                        out.add(text.charAt(j), j, false);
                    }
                    i = k;
                }
            } else {
                out.add(c, i, false);
                i++;
            }
        }
        return out.build();
    }
}
