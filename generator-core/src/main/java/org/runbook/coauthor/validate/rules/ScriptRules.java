package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The SH0xx rules: script syntax. Registered through {@link Rules#defaults()}. */
final class ScriptRules {
    static final List<Supplier<AbstractRule>> ALL = List.of(ScriptSyntaxRule::new, ShellcheckRule::new);

    private ScriptRules() {}
}
