package org.runbook.coauthor.plan;

/** Where a step runs: once on the automation server, or on each selected node. */
public enum RunOn {
    SERVER("server"),
    NODES("nodes");

    private final String wireName;

    RunOn(String wireName) {
        this.wireName = wireName;
    }

    public static RunOn fromWire(String value) {
        return Wire.parse(RunOn.class, value);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
