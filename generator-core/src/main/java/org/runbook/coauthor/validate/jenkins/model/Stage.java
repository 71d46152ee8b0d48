package org.runbook.coauthor.validate.jenkins.model;

import java.util.List;
import java.util.Optional;

/**
 * A declarative {@code stage}: its name, its statement and the stages nested in it (through
 * {@code stages}, {@code parallel} or {@code matrix { stages }}).
 *
 * <pre>{@code
 * stage('Test') { parallel { stage('unit') { steps { sh 'make test' } } } }
 * }</pre>
 *
 * @param name the name given, or {@code ""} when it has none or it is not a plain string
 * @param path the names of the enclosing stages, outermost first
 */
public record Stage(String name, Node node, List<Stage> children, List<String> path) {
    public Stage {
        children = List.copyOf(children);
        path = List.copyOf(path);
    }

    public Optional<Node> section(String section) {
        return node.child(section);
    }

    /** This stage and every stage nested in it, depth first. */
    public List<Stage> flatten() {
        List<Stage> out = new java.util.ArrayList<>();
        out.add(this);
        children.forEach(c -> out.addAll(c.flatten()));
        return out;
    }

    /** The stage's name for messages: {@code stage "Build"}, or {@code a stage} without a name. */
    public String label() {
        return name.isEmpty() ? "the stage at line " + node.position().line() : "stage \"" + name + "\"";
    }
}
