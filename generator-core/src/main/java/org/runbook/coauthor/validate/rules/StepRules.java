package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The RD3xx rules: step types and plugin configuration. Registered through {@link Rules#defaults()}. */
final class StepRules {
    static final List<Supplier<AbstractRule>> ALL =
            List.of(UnknownStepTypeRule::new, PluginConfigurationRule::new, UnresolvedJobReferenceRule::new);

    private StepRules() {}
}
