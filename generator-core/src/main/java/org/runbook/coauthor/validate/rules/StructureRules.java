package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The RD0xx rules: structure and schema. Registered through {@link Rules#defaults()}. */
final class StructureRules {
    static final List<Supplier<AbstractRule>> ALL = List.of(SchemaRule::new);

    private StructureRules() {}
}
