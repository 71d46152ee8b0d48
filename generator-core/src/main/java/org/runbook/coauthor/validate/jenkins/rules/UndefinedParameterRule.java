package org.runbook.coauthor.validate.jenkins.rules;

import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.ClosestName;

/**
 * JK101: {@code params.X} is read but no parameter X is defined. An error when the file defines its
 * parameters ({@code parameters { … }} or {@code properties([parameters([…])])}), since then X is a
 * typo or a forgotten definition and reads as {@code null}; a warning when it defines none, since
 * the job's configuration may.
 */
public final class UndefinedParameterRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK101";
    }

    @Override
    public String title() {
        return "params.X is used but no parameter X is defined";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        Map<String, Parameters.Parameter> defined = Parameters.of(jenkinsfile);
        boolean declared = Parameters.declared(jenkinsfile);
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Jenkinsfile.Reference r : jenkinsfile.paramRefs()) {
            if (defined.containsKey(r.name()) || !reported.add(r.name())) {
                continue;
            }
            String names = defined.isEmpty()
                    ? "the file defines no parameters"
                    : "defined parameters are "
                            + String.join(
                                    ", ",
                                    defined.keySet().stream()
                                            .map(n -> "\"" + n + "\"")
                                            .toList());
            report(
                    declared ? Severity.ERROR : Severity.WARNING,
                    r.position(),
                    "parameter \"" + r.name() + "\" is used as params." + r.name() + " but is not defined; " + names,
                    ClosestName.of(r.name(), defined.keySet())
                            .map(c -> "did you mean \"" + c + "\"?")
                            .orElse("add it to parameters { … }, e.g. string(name: '" + r.name()
                                    + "', defaultValue: ''," + " description: '…')"));
        }
    }
}
