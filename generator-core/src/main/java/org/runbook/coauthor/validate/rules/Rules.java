package org.runbook.coauthor.validate.rules;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every rule, in id order. Each family keeps its own list ({@code StructureRules}, ...), so adding a
 * rule touches one family file; this class merges them. Rules keep per-run state, so each call
 * makes fresh instances.
 */
public final class Rules {
    private Rules() {}

    public static List<AbstractRule> defaults() {
        return Stream.of(
                        StructureRules.ALL,
                        ReferenceRules.ALL,
                        NodeRules.ALL,
                        StepRules.ALL,
                        SafetyRules.ALL,
                        ScriptRules.ALL)
                .flatMap(List::stream)
                .map(Supplier::get)
                .sorted(Comparator.comparing(AbstractRule::id))
                .toList();
    }
}
