package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The RD1xx rules: data references. Registered through {@link Rules#defaults()}. */
final class ReferenceRules {
    static final List<Supplier<AbstractRule>> ALL = List.of(
            UndefinedOptionReferenceRule::new,
            UnusedOptionRule::new,
            MalformedReferenceRule::new,
            UndefinedDataReferenceRule::new);

    private ReferenceRules() {}
}
