package org.runbook.coauthor.plan;

/** How much harm a step can do; a destructive step needs an explicit guard. */
public enum Risk {
    READ_ONLY("read-only"),
    MUTATING("mutating"),
    DESTRUCTIVE("destructive");

    private final String wireName;

    Risk(String wireName) {
        this.wireName = wireName;
    }

    public static Risk fromWire(String value) {
        return Wire.parse(Risk.class, value);
    }

    public Risk max(Risk other) {
        return other != null && other.ordinal() > ordinal() ? other : this;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
