package org.runbook.coauthor.cli;

import org.runbook.coauthor.plan.Target;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --target rundeck|jenkins}. */
final class TargetConverter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
        try {
            return Target.fromWire(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
