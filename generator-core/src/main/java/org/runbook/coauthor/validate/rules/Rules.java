package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** Every rule, in id order. Rules keep per-run state, so each run gets fresh instances. */
public final class Rules {
    private static final List<Supplier<AbstractRule>> DEFAULTS = List.of(SchemaRule::new);

    private Rules() {}

    public static List<AbstractRule> defaults() {
        return DEFAULTS.stream().map(Supplier::get).toList();
    }
}
