package org.runbook.coauthor.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An input the operator gives when the runbook runs.
 *
 * <pre>{@code
 * {"name": "bucket", "description": "Target S3 bucket", "type": "text", "required": true,
 *  "regex": "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"}
 * }</pre>
 *
 * A secure option never has a default value: its value comes from the operator or from the Key
 * Storage path in {@code keyStoragePath}.
 */
public record PlanOption(
        String name,
        String description,
        OptionType type,
        boolean required,
        boolean secure,
        String keyStoragePath,
        String defaultValue,
        List<String> values,
        String regex,
        boolean multivalued) {

    /** Rundeck's own rule for option names; other targets accept a subset of it. */
    public static final Pattern NAME = Pattern.compile("[a-zA-Z_0-9.-]+");

    public PlanOption {
        Require.notBlank(name, "option name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("option name \"" + name + "\" must match " + NAME.pattern());
        }
        description = description == null ? "" : description;
        type = type == null ? OptionType.TEXT : type;
        values = Require.copy(values);
        if (secure && defaultValue != null) {
            throw new IllegalArgumentException(
                    "secure option \"" + name + "\" cannot have a default value; use keyStoragePath");
        }
    }

    /** A required text option with no default. */
    public static PlanOption text(String name, String description) {
        return new PlanOption(name, description, OptionType.TEXT, true, false, null, null, List.of(), null, false);
    }

    public PlanOption withDefault(String value) {
        return new PlanOption(
                name, description, type, required, secure, keyStoragePath, value, values, regex, multivalued);
    }

    public PlanOption withRequired(boolean value) {
        return new PlanOption(
                name, description, type, value, secure, keyStoragePath, defaultValue, values, regex, multivalued);
    }
}
