package org.runbook.coauthor.plan;

/** The kind of artifact a plan is rendered into. */
public enum Target {
    RUNDECK("rundeck"),
    JENKINS("jenkins");

    private final String wireName;

    Target(String wireName) {
        this.wireName = wireName;
    }

    public static Target fromWire(String value) {
        return Wire.parse(Target.class, value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
