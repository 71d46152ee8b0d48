package org.runbook.coauthor.validate.jenkins.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.runbook.coauthor.validate.jenkins.model.Call;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.Node;
import org.runbook.coauthor.validate.jenkins.model.Pipeline;
import org.runbook.coauthor.validate.read.Position;

/** The build parameters a Jenkinsfile defines: in {@code parameters { … }} or {@code properties([parameters([…])])}. */
final class Parameters {
    /** A defined parameter: its name, its type ({@code string}, {@code booleanParam}, …) and where. */
    record Parameter(String name, String type, Position position) {}

    private Parameters() {}

    /** By name, in source order; {@code declared} says whether the file defines any at all. */
    static Map<String, Parameter> of(Jenkinsfile file) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Pipeline p : file.pipelines()) {
            p.section("parameters").ifPresent(block -> {
                for (Node n : block.body()) {
                    Node param = n;
                    if (param.isCall() && param.named().containsKey("name")) {
                        param.named()
                                .get("name")
                                .string()
                                .ifPresent(name ->
                                        out.putIfAbsent(name, new Parameter(name, param.name(), param.position())));
                    }
                }
            });
        }
        for (Call c : file.calls()) {
            if (c.context().zone() == Call.Zone.ARGUMENT
                    && c.context().enclosing().contains("properties")
                    && Grammar.PARAMETERS.contains(c.name())
                    && c.named().containsKey("name")) {
                c.named()
                        .get("name")
                        .string()
                        .ifPresent(name -> out.putIfAbsent(name, new Parameter(name, c.name(), c.position())));
            }
        }
        return out;
    }

    /** Whether the file has a parameters section or a properties call defining parameters. */
    static boolean declared(Jenkinsfile file) {
        return file.pipelines().stream().anyMatch(p -> p.section("parameters").isPresent())
                || file.calls().stream()
                        .anyMatch(c -> c.name().equals("parameters")
                                && c.context().enclosing().contains("properties"));
    }
}
