package org.runbook.coauthor.plan;

/** The value type of a plan option. */
public enum OptionType {
    TEXT("text"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    FILE("file"),
    DATE("date"),
    ENUM("enum");

    private final String wireName;

    OptionType(String wireName) {
        this.wireName = wireName;
    }

    public static OptionType fromWire(String value) {
        return Wire.parse(OptionType.class, value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
