package org.runbook.coauthor.validate.support;

import java.util.HashMap;
import java.util.Map;

/**
 * Caps the findings one rule reports in one text value: a pathological value (thousands of broken
 * references in one command) gives {@value #MAX} findings, not thousands; the rest repeat the same
 * mistake. One instance per rule run; {@link #clear()} it per job.
 */
public final class SiteBudget {
    public static final int MAX = 20;

    private final Map<String, Integer> used = new HashMap<>();

    /** Whether another finding may be reported at this pointer, counting it. */
    public boolean allow(String pointer) {
        return used.merge(pointer, 1, Integer::sum) <= MAX;
    }

    public void clear() {
        used.clear();
    }
}
