package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashMap;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.read.Position;

/**
 * JK007: {@code parallel} holds something other than stages, or a {@code matrix} lacks
 * {@code axes} or {@code stages}, an {@code axis} lacks a {@code name} or {@code values}, two axes
 * share a name, or an {@code exclude} names no axis.
 */
public final class ParallelMatrixShapeRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK007";
    }

    @Override
    public String title() {
        return "parallel or matrix has the wrong shape";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            for (Stage s : p.allStages()) {
                s.section("parallel").ifPresent(par -> parallel(par, s));
                s.section("matrix").ifPresent(m -> matrix(m, s));
            }
        }
    }

    private void parallel(Node par, Stage s) {
        for (Node n : par.body()) {
            if (!n.isCall() || !n.name().equals("stage")) {
                report(
                        n.position(),
                        "the parallel block of " + s.label() + " holds \"" + n.name()
                                + "\"; it holds only stage blocks",
                        "wrap each branch in stage('Name') { steps { … } }");
            }
        }
    }

    private void matrix(Node m, Stage s) {
        String where = "the matrix of " + s.label();
        if (m.child("axes").isEmpty()) {
            report(
                    m.position(),
                    where + " has no axes",
                    "add axes { axis { name 'PLATFORM'; values 'linux', 'windows' } }");
        }
        if (m.child("stages").isEmpty()) {
            report(m.position(), where + " has no stages", "add stages { stage('Build') { steps { … } } }");
        }
        m.child("axes").ifPresent(axes -> {
            if (axes.children("axis").isEmpty()) {
                report(
                        axes.position(),
                        "the axes of " + where + " hold no axis",
                        "add axis { name 'X'; values 'a', 'b' }");
            }
            Map<String, Position> names = new HashMap<>();
            for (Node axis : axes.children("axis")) {
                axis(axis, where, "values").ifPresent(name -> {
                    Position first = names.putIfAbsent(name, axis.position());
                    if (first != null) {
                        report(
                                axis.position(),
                                "axis \"" + name + "\" of " + where + " is defined twice; previously defined at line "
                                        + first.line() + ", col " + first.column(),
                                "give each axis its own name");
                    }
                });
            }
        });
        m.child("excludes").ifPresent(ex -> {
            for (Node exclude : ex.children("exclude")) {
                if (exclude.children("axis").isEmpty()) {
                    report(
                            exclude.position(),
                            "an exclude of " + where + " names no axis",
                            "add axis { name 'X'; values 'a' }");
                }
                exclude.children("axis").forEach(a -> axis(a, where, "values|notValues"));
            }
        });
    }

    /** Checks an axis; returns its name when it has one. */
    private java.util.Optional<String> axis(Node axis, String where, String valueKeys) {
        java.util.Optional<String> name = axis.child("name").flatMap(Node::firstString);
        if (name.isEmpty()) {
            report(axis.position(), "an axis of " + where + " has no name", "add name 'PLATFORM' to the axis");
        }
        boolean values = axis.body().stream()
                .anyMatch(n ->
                        n.isCall() && n.name().matches(valueKeys) && !n.args().isEmpty());
        if (!values) {
            report(
                    axis.position(),
                    "axis " + name.map(x -> "\"" + x + "\" ").orElse("") + "of " + where + " has no values",
                    "add values 'a', 'b'");
        }
        return name;
    }
}
