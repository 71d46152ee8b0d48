package org.runbook.coauthor.validate.jenkins.rules;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Value;
import org.runbook.coauthor.validate.support.ShellCommands;
import org.runbook.coauthor.validate.support.ShellScripts;

/**
 * The shell scripts of a Jenkinsfile's {@code sh} steps, prepared for the shell tools: each part
 * Groovy interpolates is replaced with a placeholder word ({@code groovy_param_NAME} for
 * {@code ${params.NAME}}, else {@code groovy_value}), and each character of the prepared text keeps
 * the offset it came from in the string as written.
 */
final class ShellBodies {
    /** The word an interpolated Groovy expression becomes. */
    static final String PLACEHOLDER = "groovy_value";

    /** One {@code sh} script: the call, its string and the text the tools see. */
    record Body(Call call, Value value, ShellScripts.Prepared prepared) {
        /** The prepared text with comments and echo/printf messages blanked (see {@link ShellCommands#mask}). */
        String masked() {
            return ShellCommands.mask(prepared.text());
        }
    }

    private ShellBodies() {}

    static List<Body> of(Jenkinsfile file) {
        List<Body> out = new ArrayList<>();
        for (Call call : file.calls()) {
            if (!call.isStep() || !call.name().equals("sh")) {
                continue;
            }
            call.script()
                    .filter(Value::isText)
                    .filter(v -> v.text().length() <= ShellCommands.MAX_TEXT)
                    .ifPresent(v -> out.add(new Body(call, v, prepare(v))));
        }
        return out;
    }

    static ShellScripts.Prepared prepare(Value value) {
        if (value.kind() == Value.Kind.STRING) {
            return identity(value.text());
        }
        StringBuilder text = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        List<Boolean> replaced = new ArrayList<>();
        int written = 0;
        for (Value.Part p : value.parts()) {
            String piece = p.interpolated() ? placeholder(p.text()) : p.text();
            int width = p.interpolated() ? p.text().length() + 3 : p.text().length();
            for (int i = 0; i < piece.length(); i++) {
                text.append(piece.charAt(i));
                origin.add(written + (p.interpolated() ? 0 : i));
                replaced.add(p.interpolated());
            }
            written += width;
        }
        int[] o = origin.stream().mapToInt(Integer::intValue).toArray();
        boolean[] r = new boolean[replaced.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = replaced.get(i);
        }
        return new ShellScripts.Prepared(text.toString(), o, r);
    }

    static String placeholder(String expression) {
        return expression.matches("params\\.[A-Za-z_][A-Za-z0-9_]*")
                ? "groovy_param_" + expression.substring("params.".length())
                : PLACEHOLDER;
    }

    private static ShellScripts.Prepared identity(String text) {
        int[] origin = new int[text.length()];
        for (int i = 0; i < origin.length; i++) {
            origin[i] = i;
        }
        return new ShellScripts.Prepared(text, origin, new boolean[text.length()]);
    }
}
