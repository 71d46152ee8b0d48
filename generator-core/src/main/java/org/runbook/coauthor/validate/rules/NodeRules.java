package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The RD2xx rules: node filters and dispatch. Registered through {@link Rules#defaults()}. */
final class NodeRules {
    static final List<Supplier<AbstractRule>> ALL =
            List.of(NodeStepWithoutFilterRule::new, WideNodeFilterRule::new, InvalidNodeFilterRule::new);

    private NodeRules() {}
}
