package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Value;

/**
 * JK104: a secret (a variable bound by {@code withCredentials}, or an {@code environment} entry set
 * with {@code credentials(…)}, with its {@code _USR}/{@code _PSW} forms) is interpolated by Groovy
 * into {@code sh}, {@code bat} or {@code powershell}: {@code sh "curl -u $TOKEN …"}. Groovy writes
 * the value into the command line, which other processes can read and which some steps log. In a
 * single-quoted string ({@code sh 'curl -u $TOKEN …'}) the shell reads the variable instead.
 */
public final class SecretInterpolationRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK104";
    }

    @Override
    public String title() {
        return "a secret is interpolated by Groovy into a shell step";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Call c : jenkinsfile.calls()) {
            if (!c.isStep()) {
                continue;
            }
            c.script()
                    .filter(v -> v.kind() == Value.Kind.GSTRING)
                    .ifPresent(v -> scan(c, v, c.context().secrets()));
        }
    }

    private void scan(Call c, Value v, Set<String> secrets) {
        int n = 0;
        for (Value.Part p : v.parts()) {
            if (p.interpolated()) {
                String name = p.text().startsWith("env.") ? p.text().substring(4) : p.text();
                if (secrets.contains(name)) {
                    reportAtInterpolation(
                            v,
                            n,
                            "\"" + c.name() + "\" interpolates secret \"" + name + "\" with Groovy (\"${" + p.text()
                                    + "}\"), which writes its value into the command line",
                            "use single quotes so the shell reads the variable: " + c.name() + " '… $" + name + " …'");
                }
                n++;
            }
        }
    }
}
