package org.runbook.coauthor.validate.jenkins.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;

/**
 * JK102: a parameter is defined but its name appears nowhere else in the file: not as
 * {@code params.X}, not as the environment variable {@code $X} or {@code env.X}. The person starting
 * the build is asked for a value that changes nothing.
 */
public final class UnusedParameterRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK102";
    }

    @Override
    public String title() {
        return "a parameter is defined but never used";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Parameters.Parameter p : Parameters.of(jenkinsfile).values()) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(p.name()) + "(?![A-Za-z0-9_])")
                    .matcher(jenkinsfile.text());
            int count = 0;
            while (m.find() && count < 2) {
                count++;
            }
            if (count < 2) {
                report(
                        p.position(),
                        "parameter \"" + p.name() + "\" is defined but never used",
                        "use it as params." + p.name() + " (or $" + p.name() + " in a shell step), or remove it");
            }
        }
    }
}
