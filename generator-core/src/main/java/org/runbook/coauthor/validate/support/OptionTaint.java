package org.runbook.coauthor.validate.support;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.support.ShellCommands.Form;

/**
 * Which job options flow into which shell variables of one piece of shell code, and which options
 * the code checks against {@code /} before using them as a path. A variable is tainted when it is
 * assigned (or looped over) from text that references an option ({@code @option.dir@},
 * {@code ${option.dir}}, {@code $RD_OPTION_DIR}) or another tainted variable; {@code mktemp} output
 * is never tainted. A guard is a test or {@code case} that compares the value with {@code /} or a
 * path prefix, e.g. {@code [ "$dir" != / ]} or {@code case "$dir" in /|/etc) exit 1;; esac}.
 */
public final class OptionTaint {
    private static final Pattern ASSIGN =
            Pattern.compile("(?:^|(?<=[\\s;&|({]))([A-Za-z_][A-Za-z0-9_]*)(?:\\[[^\\]\\n]*])?\\+?=");
    private static final Pattern FOR = Pattern.compile("\\bfor\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\s+([^;\\n]*)");
    private static final Pattern VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern TEST_AGAINST_PATH =
            Pattern.compile("(?:!=|==|=|-ef)\\s*[\"']?/|[\"']?/[^\\s\"']*[\"']?\\s*(?:!=|==|=)\\s");
    private static final Pattern CASE = Pattern.compile("\\bcase\\s+(\\S+)\\s+in\\b([\\s\\S]*?)\\besac\\b");
    private static final Pattern CASE_PATH = Pattern.compile("(?m)(?:^|[\\s(|])[\"']?/[^\\s)|;\"']*[\"']?\\s*[|)]");

    private final Function<String, Set<String>> direct;
    private final Map<String, Set<String>> vars = new HashMap<>();
    private final Set<String> guarded = new HashSet<>();

    private OptionTaint(Function<String, Set<String>> direct) {
        this.direct = direct;
    }

    /** Reads {@code masked} (see {@link ShellCommands#mask(String)}) of a Rundeck job's step. */
    public static OptionTaint of(JobView job, String masked, Form form) {
        return of(masked, text -> directOptions(job, form, text));
    }

    /**
     * Reads {@code masked} with {@code direct} naming the inputs a piece of text refers to itself
     * (for a Jenkinsfile, the parameters it reads).
     */
    public static OptionTaint of(String masked, Function<String, Set<String>> direct) {
        OptionTaint t = new OptionTaint(direct);
        for (int round = 0; round < 6 && t.propagate(masked); round++) {
            // repeat until no variable gains an option: assignments may come in any order
        }
        t.findGuards(masked);
        return t;
    }

    /** The options whose values reach {@code text}: direct references and tainted variables. */
    public Set<String> optionsIn(String text) {
        Set<String> out = new TreeSet<>(direct.apply(text));
        Matcher m = VAR.matcher(text);
        while (m.find()) {
            out.addAll(vars.getOrDefault(m.group(1), Set.of()));
        }
        return out;
    }

    /** Whether the script checks every one of {@code options} against {@code /} before use. */
    public boolean guarded(Set<String> options) {
        return !options.isEmpty() && guarded.containsAll(options);
    }

    private boolean propagate(String masked) {
        boolean changed = false;
        Matcher m = ASSIGN.matcher(masked);
        while (m.find()) {
            int end = valueEnd(masked, m.end());
            String value = masked.substring(m.end(), end);
            if (!value.contains("mktemp")) {
                changed |= taint(m.group(1), optionsIn(value));
            }
        }
        Matcher f = FOR.matcher(masked);
        while (f.find()) {
            changed |= taint(f.group(1), optionsIn(f.group(2)));
        }
        return changed;
    }

    private boolean taint(String var, Set<String> options) {
        if (options.isEmpty()) {
            return false;
        }
        return vars.computeIfAbsent(var, k -> new HashSet<>()).addAll(options);
    }

    private void findGuards(String masked) {
        for (String line : masked.split("\n")) {
            if ((line.contains("[") || line.contains("test "))
                    && TEST_AGAINST_PATH.matcher(line).find()) {
                guarded.addAll(optionsIn(line));
            }
        }
        Matcher c = CASE.matcher(masked);
        while (c.find()) {
            if (CASE_PATH.matcher(c.group(2)).find()) {
                guarded.addAll(optionsIn(c.group(1)));
            }
        }
    }

    private static Set<String> directOptions(JobView job, Form form, String text) {
        Set<String> out = new HashSet<>();
        var refs = form == Form.SCRIPT ? DataReferences.atTokens(text) : DataReferences.dollar(text);
        refs.stream().filter(DataReferences.Ref::isOption).forEach(r -> out.add(r.key()));
        for (DataReferences.Ref r : DataReferences.envVars(text)) {
            if (r.group().equals("option")) {
                for (OptionView o : job.options()) {
                    if (DataReferences.envName(o.name()).equals(r.key())) {
                        out.add(o.name());
                    }
                }
            }
        }
        return out;
    }

    /** End of an assignment's value: the first unquoted blank or separator outside {@code $(…)}. */
    private static int valueEnd(String text, int from) {
        int depth = 0;
        ShellQuoting.Quoting q = ShellQuoting.Quoting.NONE;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && q != ShellQuoting.Quoting.SINGLE) {
                i++;
            } else if (c == '\'' && q != ShellQuoting.Quoting.DOUBLE) {
                q = q == ShellQuoting.Quoting.SINGLE ? ShellQuoting.Quoting.NONE : ShellQuoting.Quoting.SINGLE;
            } else if (c == '"' && q != ShellQuoting.Quoting.SINGLE) {
                q = q == ShellQuoting.Quoting.DOUBLE ? ShellQuoting.Quoting.NONE : ShellQuoting.Quoting.DOUBLE;
            } else if (q != ShellQuoting.Quoting.SINGLE && c == '(') {
                depth++;
            } else if (q != ShellQuoting.Quoting.SINGLE && c == ')' && depth > 0) {
                depth--;
            } else if (q == ShellQuoting.Quoting.NONE
                    && depth == 0
                    && (Character.isWhitespace(c) || ";&|)".indexOf(c) >= 0)) {
                return i;
            }
        }
        return text.length();
    }
}
