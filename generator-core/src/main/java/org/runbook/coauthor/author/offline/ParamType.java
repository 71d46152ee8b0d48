package org.runbook.coauthor.author.offline;

import org.runbook.coauthor.plan.OptionType;

/**
 * The semantic type of a block parameter: it fixes the job option's type and the regex that keeps
 * operator input from being interpreted by the shell (see docs/catalog.md).
 */
public enum ParamType {
    TEXT(OptionType.TEXT, "^[^'\"`$\\\\;|&<>]*$", "hello"),
    IDENTIFIER(OptionType.TEXT, "^[A-Za-z0-9_.@:-]+$", "sample_name"),
    HOST(OptionType.TEXT, "^[A-Za-z0-9][A-Za-z0-9.-]*$", "web01.example.com"),
    HOSTS(OptionType.TEXT, "^[A-Za-z0-9][A-Za-z0-9.-]*(,[A-Za-z0-9][A-Za-z0-9.-]*)*$", "web01,web02"),
    PATH(OptionType.TEXT, "^[A-Za-z0-9_./@+~-]+$", "/var/tmp/sample"),
    FILENAME(OptionType.TEXT, "^[A-Za-z0-9_.@+-]+$", "sample.txt"),
    URL(OptionType.TEXT, "^https?://[^\\s'\"`$;|&<>\\\\]+$", "https://example.com/x"),
    BUCKET(OptionType.TEXT, "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", "sample-bucket"),
    REGION(OptionType.TEXT, "^[a-z]{2}(-[a-z]+)+-[0-9]+$", "eu-west-1"),
    NUMBER(OptionType.NUMBER, "^[0-9]+$", "5"),
    DURATION(OptionType.TEXT, "^[0-9]+[smhd]?$", "30s"),
    IP(OptionType.TEXT, "^[0-9A-Fa-f:.]+(/[0-9]{1,3})?$", "203.0.113.7"),
    EMAIL(OptionType.TEXT, "^[^@\\s'\"`$;|&<>]+@[A-Za-z0-9.-]+$", "ops@example.com"),
    VERSION(OptionType.TEXT, "^[A-Za-z0-9._+-]+$", "1.2.3"),
    LIST(OptionType.TEXT, "^[A-Za-z0-9_.@:/-]+(,[A-Za-z0-9_.@:/-]+)*$", "a.example.com,b.example.com"),
    ENUM(OptionType.ENUM, null, null),
    BOOLEAN(OptionType.BOOLEAN, null, "true"),
    SECRET(OptionType.TEXT, null, "s3cr3t");

    private final OptionType optionType;
    private final String regex;
    private final String sample;

    ParamType(OptionType optionType, String regex, String sample) {
        this.optionType = optionType;
        this.regex = regex;
        this.sample = sample;
    }

    public static ParamType fromWire(String value) {
        return ParamType.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    }

    public OptionType optionType() {
        return optionType;
    }

    /** The regex a job option of this type carries, or null when the values list constrains it. */
    public String regex() {
        return regex;
    }

    /** A harmless example value, used by the catalog self-test and the dry-run. */
    public String sample() {
        return sample;
    }
}
