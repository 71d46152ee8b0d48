package org.runbook.coauthor.validate.jenkins.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.jenkins.model.Stage;
import org.runbook.coauthor.validate.support.ClosestName;

/**
 * JK004: a section or directive Jenkins does not know, one in the wrong place ({@code parameters}
 * in a stage, {@code steps} in the pipeline block), a section given twice, a statement that is not
 * a section where only sections may stand, or a call in {@code environment}. Unknown option,
 * parameter, trigger and tool names are warnings: plugins add their own.
 */
public final class UnknownSectionRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK004";
    }

    @Override
    public String title() {
        return "unknown, misplaced or repeated section or directive";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        for (Pipeline p : jenkinsfile.pipelines()) {
            sections(p.node(), "the pipeline block", Grammar.PIPELINE_SECTIONS);
            p.section("stages").ifPresent(s -> stageList(s, "stages"));
            for (Stage s : p.allStages()) {
                sections(s.node(), s.label(), Grammar.STAGE_SECTIONS);
                s.section("stages").ifPresent(n -> stageList(n, "stages"));
                s.section("matrix").ifPresent(m -> sections(m, "the matrix of " + s.label(), Grammar.MATRIX_SECTIONS));
            }
            p.node().body().stream().filter(Node::isCall).forEach(this::inner);
            p.allStages()
                    .forEach(s -> s.node().body().stream().filter(Node::isCall).forEach(this::inner));
            p.allStages().forEach(s -> s.section("matrix")
                    .ifPresent(m -> m.body().stream().filter(Node::isCall).forEach(this::inner)));
        }
    }

    /** The names allowed in a block; unknown, misplaced and repeated ones reported. */
    private void sections(Node block, String where, Set<String> allowed) {
        Map<String, Node> seen = new HashMap<>();
        for (Node n : block.body()) {
            if (!n.isCall()) {
                report(
                        n.position(),
                        where + " holds \"" + abbreviated(n.name()) + "\", which is not a section",
                        "move Groovy code into \"steps { script { … } }\"");
                continue;
            }
            if (!allowed.contains(n.name())) {
                unknown(n, where, allowed);
                continue;
            }
            Node first = seen.putIfAbsent(n.name(), n);
            if (first != null) {
                report(
                        n.position(),
                        where + " has a second \"" + n.name() + "\" section; previously defined at line "
                                + first.position().line() + ", col "
                                + first.position().column(),
                        "merge the two \"" + n.name() + "\" sections into one");
            }
        }
    }

    private void unknown(Node n, String where, Set<String> allowed) {
        String home = Grammar.HOME.get(n.name());
        if (home != null || Grammar.PIPELINE_SECTIONS.contains(n.name()) || Grammar.STAGE_SECTIONS.contains(n.name())) {
            String belongs =
                    home != null ? home : Grammar.STAGE_SECTIONS.contains(n.name()) ? "a stage" : "the pipeline block";
            report(
                    n.position(),
                    "\"" + n.name() + "\" cannot be used in " + where + "; it belongs in " + belongs,
                    "move \"" + n.name() + "\" into " + belongs);
            return;
        }
        String hint = ClosestName.of(n.name(), allowed)
                .map(c -> "did you mean \"" + c + "\"?")
                .orElse("use one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        report(n.position(), "\"" + n.name() + "\" is not a section of " + where, hint);
    }

    /** {@code stages} holds only {@code stage} blocks. */
    private void stageList(Node stages, String what) {
        for (Node n : stages.body()) {
            if (!n.isCall() || !n.name().equals("stage")) {
                report(
                        n.position(),
                        "\"" + abbreviated(n.name()) + "\" cannot be used in " + what + "; it holds only stage blocks",
                        "wrap it in \"stage('Name') { … }\"");
            }
        }
    }

    /** The contents of the directives with a fixed vocabulary. */
    private void inner(Node directive) {
        switch (directive.name()) {
            case "environment" -> directive.body().stream()
                    .filter(n -> n.type() != Node.Type.ASSIGNMENT)
                    .forEach(n -> report(
                            n.position(),
                            "environment holds \"" + abbreviated(n.name())
                                    + "\"; it takes only assignments NAME = value",
                            "write it as NAME = 'value' or NAME = credentials('id')"));
            case "options" -> names(directive, Grammar.OPTIONS, "option");
            case "parameters" -> names(directive, Grammar.PARAMETERS, "parameter type");
            case "triggers" -> names(directive, Grammar.TRIGGERS, "trigger");
            case "tools" -> names(directive, Grammar.TOOLS, "tool type");
            case "agent" -> directive.body().stream()
                    .filter(n -> !n.isCall() || !Grammar.AGENT_TYPES.contains(n.name()))
                    .forEach(n -> report(
                            n.position(),
                            "\"" + abbreviated(n.name()) + "\" is not an agent type",
                            ClosestName.of(n.name(), Grammar.AGENT_TYPES)
                                    .map(c -> "did you mean \"" + c + "\"?")
                                    .orElse("use label, node, docker, dockerfile or kubernetes")));
            default -> {}
        }
    }

    private void names(Node directive, Set<String> known, String what) {
        for (Node n : directive.body()) {
            if (!n.isCall()) {
                report(
                        n.position(),
                        directive.name() + " holds \"" + abbreviated(n.name()) + "\", which is not a " + what,
                        "remove it or move it into a stage's steps");
            } else if (!known.contains(n.name()) && !settings().steps().known(n.name())) {
                report(
                        Severity.WARNING,
                        n.position(),
                        "\"" + n.name() + "\" is not a known " + what + " of " + directive.name(),
                        ClosestName.of(n.name(), known)
                                .map(c -> "did you mean \"" + c + "\"?")
                                .orElse("check the name, or make sure the plugin that provides it is installed"));
            }
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
