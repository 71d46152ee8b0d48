package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashMap;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.read.Position;

/**
 * JK010: a stage without a name (or with a blank one), or two stages with the same name anywhere in
 * the pipeline: Jenkins refuses duplicate names, since stage views and restarts address stages by
 * name. A name built with Groovy interpolation is not checked.
 */
public final class StageNameRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK010";
    }

    @Override
    public String title() {
        return "a stage name is empty or used twice";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            Map<String, Position> seen = new HashMap<>();
            for (Stage s : p.allStages()) {
                boolean computed = !s.node().args().isEmpty()
                        && !s.node().args().get(0).string().isPresent();
                if (computed) {
                    continue;
                }
                if (s.name().isBlank()) {
                    report(s.node().position(), "a stage has no name", "name it: stage('Build') { … }");
                    continue;
                }
                Position first = seen.putIfAbsent(s.name(), s.node().position());
                if (first != null) {
                    report(
                            s.node().position(),
                            "stage name \"" + s.name() + "\" is used twice; previously defined at line " + first.line()
                                    + ", col " + first.column(),
                            "give each stage its own name");
                }
            }
        }
    }
}
