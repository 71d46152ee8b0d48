package org.runbook.coauthor.plan;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Parses the lower-case wire names that the plan enums use in JSON and YAML. */
final class Wire {
    private Wire() {}

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equalsIgnoreCase(value) || constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        String valid =
                Arrays.stream(type.getEnumConstants()).map(e -> "\"" + e + "\"").collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                type.getSimpleName() + " \"" + value + "\" is not valid; valid values are " + valid);
    }
}
