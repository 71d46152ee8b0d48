package org.runbook.coauthor.plan;

import java.util.List;
import java.util.Map;

/** Argument checks shared by the compact constructors of the records. */
public final class Require {
    private Require() {}

    /** Returns {@code value}, or throws "name cannot be null or blank". */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " cannot be null or blank");
        }
        return value;
    }

    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " cannot be null");
        }
        return value;
    }

    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Copies a map keeping its iteration order, which the renderers rely on for stable output. */
    public static <K, V> Map<K, V> copyOrdered(Map<K, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }
}
