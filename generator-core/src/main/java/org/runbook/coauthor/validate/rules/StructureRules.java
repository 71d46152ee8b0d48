package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.function.Supplier;

/** The RD0xx rules: structure and schema. Registered through {@link Rules#defaults()}. */
final class StructureRules {
    static final List<Supplier<AbstractRule>> ALL = List.of(
            SchemaRule::new,
            UnknownKeyRule::new,
            WrongTypeRule::new,
            MissingNameRule::new,
            MissingWorkflowRule::new,
            InvalidOptionNameRule::new,
            DuplicateOptionRule::new,
            InvalidScheduleRule::new,
            InvalidTimeoutRule::new,
            InvalidEnumValueRule::new,
            DroppedNotificationRule::new,
            OptionConstraintRule::new);

    private StructureRules() {}
}
