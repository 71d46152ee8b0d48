package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.support.ClosestName;

/**
 * JK008: a step that is not in the step catalog (core and common plugin steps, plus the controller's
 * list given with {@code --jenkins-steps FILE}), nor a method or variable the file defines, nor a
 * Groovy built-in. Jenkins fails such a build with {@code NoSuchMethodError: No such DSL method}.
 * Each call is reported once per name.
 */
public final class UnknownStepRule extends JenkinsRule {
    /** Methods every Groovy script has, and the declarative keywords that appear as calls at the top. */
    private static final Set<String> BUILT_IN = Set.of(
            "println",
            "print",
            "printf",
            "sprintf",
            "evaluate",
            "pipeline",
            "getProperty",
            "setProperty",
            "invokeMethod",
            "getBinding",
            "run",
            "use",
            "with",
            "tap",
            "is",
            "identity");

    @Override
    public String id() {
        return "JK008";
    }

    @Override
    public String title() {
        return "a step is not known";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean scripted() {
        return true;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        Set<String> reported = new HashSet<>();
        for (Call c : jenkinsfile.calls()) {
            String name = c.name();
            if (!c.isStep()
                    || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*")
                    || settings().steps().known(name)
                    || jenkinsfile.localNames().contains(name)
                    || BUILT_IN.contains(name)
                    || !reported.add(name)) {
                continue;
            }
            List<String> near = ClosestName.nearest(name, settings().steps().names(), 3);
            String hint = (near.isEmpty() ? "" : "did you mean " + quoted(near) + "? ")
                    + "if the step comes from a plugin, list your controller's steps in a file and pass it with"
                    + " --jenkins-steps FILE";
            report(
                    c.position(),
                    "\"" + name + "\" is not a known step"
                            + (Grammar.PIPELINE_SECTIONS.contains(name) || Grammar.STAGE_SECTIONS.contains(name)
                                    ? " (it is a declarative section, which cannot stand among steps)"
                                    : ""),
                    hint);
        }
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
