package org.runbook.coauthor.validate.jenkins.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A declarative {@code pipeline { … }} block: its sections (agent, environment, options, …) as
 * statements with positions, and its stages as a tree.
 */
public record Pipeline(Node node, List<Stage> stages) {
    public Pipeline {
        stages = List.copyOf(stages);
    }

    public Optional<Node> section(String name) {
        return node.child(name);
    }

    /** Every stage at every depth, in source order. */
    public List<Stage> allStages() {
        List<Stage> out = new ArrayList<>();
        stages.forEach(s -> out.addAll(s.flatten()));
        return out;
    }
}
