package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** How step calls and their arguments read in a transcript: {@code sh: make}, {@code mail(to: "ops")}. */
final class Args {
    private Args() {}

    /** The arguments without a trailing closure body. */
    static Object[] values(Object[] args) {
        if (args.length > 0 && args[args.length - 1] instanceof Closure<?>) {
            Object[] out = new Object[args.length - 1];
            System.arraycopy(args, 0, out, 0, out.length);
            return out;
        }
        return args;
    }

    static Closure<?> body(Object[] args) {
        return args.length > 0 && args[args.length - 1] instanceof Closure<?> c ? c : null;
    }

    /** {@code name}, {@code name: text} for one string argument, else {@code name(a, b, k: v)}. */
    static String call(String name, Object[] args) {
        Object[] values = values(args);
        if (values.length == 0) {
            return name;
        }
        if (values.length == 1 && values[0] instanceof CharSequence s) {
            return name + ": " + s;
        }
        return name + "(" + list(values) + ")";
    }

    static String list(Object[] values) {
        StringJoiner out = new StringJoiner(", ");
        for (Object v : values) {
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                m.forEach((k, x) -> out.add(k + ": " + value(x)));
            } else {
                out.add(value(v));
            }
        }
        return out.toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof CharSequence s) {
            return "\""
                    + s.toString().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "[:]";
            }
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Iterable<?> it) {
            List<String> parts = new ArrayList<>();
            it.forEach(x -> parts.add(value(x)));
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Object[] array) {
            return value(java.util.Arrays.asList(array));
        }
        if (v instanceof Closure<?>) {
            return "{ ... }";
        }
        return String.valueOf(v);
    }

    static String text(Object v) {
        return v == null ? "" : v.toString();
    }
}
