package org.runbook.coauthor.rundeck.lifecycle;

import java.util.List;

/**
 * What the policy needs to know about one job option, free of Rundeck types.
 *
 * @param defaultValue the plain default, or null
 * @param storagePath the Key Storage path of a secure option's default, or null
 * @param values the allowed values (empty for free input)
 */
public record OptionFacts(
        String name,
        String description,
        String defaultValue,
        String storagePath,
        boolean secure,
        boolean required,
        boolean enforced,
        List<String> values,
        String regex) {
    public OptionFacts {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        defaultValue = blankToNull(defaultValue);
        storagePath = blankToNull(storagePath);
        values = values == null ? List.of() : List.copyOf(values);
        regex = blankToNull(regex);
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
