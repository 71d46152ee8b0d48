package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * Run-time checks that {@link GuardTransformer} compiles into every Jenkinsfile: calls, property
 * reads and subscripts on an explicit receiver, loop iterations and closure calls. Public only
 * because compiled scripts call it; not an API.
 */
public final class SandboxGuard {
    /** Longest string or list a script may build with {@code *}. */
    static final long MAX_REPEAT = 1_000_000;

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();
    private static final Set<String> EXCEPTION_MEMBERS =
            Set.of("message", "getMessage", "localizedMessage", "getLocalizedMessage", "toString", "cause", "getCause");

    private SandboxGuard() {}

    /** What one run may spend, and the DSL its routed calls go to; shared with the runner thread. */
    static final class Budget {
        private final long deadline;
        private final long maxTicks;
        private final Steps steps;
        private long ticks;
        private volatile SandboxAbort aborted;

        Budget(long deadlineNanos, long maxTicks, Steps steps) {
            this.deadline = deadlineNanos;
            this.maxTicks = maxTicks;
            this.steps = steps;
        }

        /** Makes every later check in the script thread throw; called by the runner on a hard timeout. */
        void abort(SandboxAbort reason) {
            aborted = reason;
        }

        void check() {
            SandboxAbort a = aborted;
            if (a != null) {
                throw a;
            }
            if (System.nanoTime() - deadline > 0) {
                aborted = new SandboxAbort(SandboxAbort.Kind.TIME, "the time budget is spent");
                throw aborted;
            }
        }

        void tick() {
            check();
            if (++ticks > maxTicks) {
                aborted = new SandboxAbort(
                        SandboxAbort.Kind.ITERATIONS, "more than " + maxTicks + " loop iterations and closure calls");
                throw aborted;
            }
        }
    }

    static void enter(Budget budget) {
        CURRENT.set(budget);
    }

    static void leave() {
        CURRENT.remove();
    }

    static Budget budget() {
        Budget b = CURRENT.get();
        if (b == null) {
            throw new SandboxAbort(SandboxAbort.Kind.REFUSED, "a Jenkinsfile ran outside a dry-run");
        }
        return b;
    }

    public static void tick() {
        budget().tick();
    }

    public static Object dsl(String name, Object[] args) {
        Budget b = budget();
        b.check();
        return b.steps.invokeMethod(name, args);
    }

    public static Object call(Object receiver, String name, boolean safe, boolean spread, Object[] args) {
        budget().check();
        if (receiver == null) {
            if (safe) {
                return null;
            }
            throw new NullPointerException("cannot call " + name + "() on null");
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object item : iterable(receiver, name)) {
                out.add(call(item, name, true, false, args));
            }
            return out;
        }
        if (SandboxPolicy.refusedMethod(name, false)) {
            throw refused("method \"" + name + "\"");
        }
        requireReceiver(receiver, name);
        if (receiver instanceof CharSequence text && args.length >= 1 && args[0] instanceof CharSequence regex) {
            Object timed = regex(text.toString(), name, regex.toString(), args);
            if (timed != NOT_REGEX) {
                return timed;
            }
        }
        return InvokerHelper.invokeMethod(receiver, name, args);
    }

    private static final Object NOT_REGEX = new Object();

    /** String methods that take a regular expression, run over a budget-checking text (see {@link Timed}). */
    private static Object regex(String text, String name, String regex, Object[] args) {
        Budget b = budget();
        return switch (name) {
            case "matches" -> args.length == 1
                    ? Pattern.compile(regex).matcher(new Timed(text, b)).matches()
                    : NOT_REGEX;
            case "replaceAll", "replaceFirst" -> {
                if (args.length != 2 || !(args[1] instanceof CharSequence replacement)) {
                    yield NOT_REGEX;
                }
                Matcher m = Pattern.compile(regex).matcher(new Timed(text, b));
                yield name.equals("replaceAll")
                        ? m.replaceAll(replacement.toString())
                        : m.replaceFirst(replacement.toString());
            }
            case "split" -> args.length == 1 ? Pattern.compile(regex).split(new Timed(text, b)) : NOT_REGEX;
            default -> NOT_REGEX;
        };
    }

    public static Object property(Object receiver, String name, boolean safe, boolean spread) {
        budget().check();
        if (receiver == null) {
            if (safe) {
                return null;
            }
            throw new NullPointerException("cannot read \"" + name + "\" of null");
        }
        if (spread) {
            List<Object> out = new ArrayList<>();
            for (Object item : iterable(receiver, name)) {
                out.add(property(item, name, true, false));
            }
            return out;
        }
        if (SandboxPolicy.PROPERTIES.contains(name)) {
            throw refused("property \"" + name + "\"");
        }
        requireReceiver(receiver, name);
        if (receiver instanceof Map<?, ?> map && !(receiver instanceof Dsl)) {
            return map.get(name);
        }
        return InvokerHelper.getProperty(receiver, name);
    }

    public static Object index(Object receiver, Object key, boolean safe) {
        budget().check();
        refusedKey(key);
        if (receiver == null) {
            if (safe) {
                return null;
            }
            throw new NullPointerException("cannot read [" + key + "] of null");
        }
        if (receiver instanceof Map<?, ?> map && !(receiver instanceof Dsl)) {
            return map.get(key);
        }
        boolean positional = key instanceof Number || key instanceof Collection<?>;
        if (receiver instanceof Dsl
                || (positional
                        && (receiver instanceof List<?>
                                || receiver instanceof CharSequence
                                || receiver instanceof Matcher
                                || receiver.getClass().isArray()))) {
            return InvokerHelper.invokeMethod(receiver, "getAt", new Object[] {key});
        }
        throw refused(
                "a subscript [" + describe(key) + "] on " + receiver.getClass().getName());
    }

    @SuppressWarnings("unchecked")
    public static Object putAt(Object receiver, Object key, Object value) {
        budget().check();
        refusedKey(key);
        if (receiver instanceof Map<?, ?> map && !(receiver instanceof Dsl)) {
            ((Map<Object, Object>) map).put(key, value);
            return value;
        }
        if ((receiver instanceof List<?> && key instanceof Number) || receiver instanceof Dsl) {
            InvokerHelper.invokeMethod(receiver, "putAt", new Object[] {key, value});
            return value;
        }
        throw refused("an assignment to [" + describe(key) + "] on "
                + (receiver == null ? "null" : receiver.getClass().getName()));
    }

    public static Object multiply(Object left, Object right) {
        budget().check();
        if ((left instanceof CharSequence || left instanceof Collection<?>) && right instanceof Number n) {
            long size = left instanceof CharSequence s ? s.length() : ((Collection<?>) left).size();
            if (n.longValue() > MAX_REPEAT || size * Math.max(0, n.longValue()) > MAX_REPEAT) {
                throw refused("repeating a " + (size) + "-element value " + n + " times");
            }
        }
        return InvokerHelper.invokeMethod(left, "multiply", new Object[] {right});
    }

    public static Matcher find(Object left, Object right) {
        budget().check();
        Pattern p = right instanceof Pattern pattern ? pattern : Pattern.compile(String.valueOf(right));
        return p.matcher(new Timed(String.valueOf(left), budget()));
    }

    public static boolean matches(Object left, Object right) {
        return find(left, right).matches();
    }

    /** {@code x['class']} reads a property on most objects: the refused names are refused as keys too. */
    private static void refusedKey(Object key) {
        if (key instanceof CharSequence k && SandboxPolicy.PROPERTIES.contains(k.toString())) {
            throw refused("the key \"" + k + "\"");
        }
    }

    static SandboxAbort refused(String what) {
        return new SandboxAbort(SandboxAbort.Kind.REFUSED, what + " is not allowed in a Jenkinsfile dry-run");
    }

    private static void requireReceiver(Object receiver, String name) {
        if (receiver instanceof Class<?> c) {
            if (!SandboxPolicy.STATIC_RECEIVERS.contains(c)) {
                throw refused("using \"" + name + "\" of class " + c.getName());
            }
            return;
        }
        if (receiver instanceof Exception) {
            if (!EXCEPTION_MEMBERS.contains(name)) {
                throw refused("\"" + name + "\" on an exception");
            }
            return;
        }
        boolean allowed = receiver instanceof CharSequence
                || receiver instanceof Number
                || receiver instanceof Boolean
                || receiver instanceof Character
                || receiver instanceof Map<?, ?>
                || receiver instanceof Collection<?>
                || receiver instanceof Map.Entry<?, ?>
                || receiver instanceof Iterator<?>
                || receiver instanceof Closure<?>
                || receiver instanceof Matcher
                || receiver instanceof Pattern
                || receiver instanceof Date
                || receiver instanceof Dsl
                || receiver.getClass().isArray();
        if (!allowed) {
            throw refused("\"" + name + "\" on a " + receiver.getClass().getName());
        }
    }

    private static Iterable<?> iterable(Object receiver, String name) {
        if (receiver instanceof Iterable<?> it) {
            return it;
        }
        if (receiver instanceof Object[] array) {
            return List.of(array);
        }
        throw refused("spreading \"" + name + "\" over a " + receiver.getClass().getName());
    }

    private static String describe(Object key) {
        return key instanceof CharSequence ? "\"" + key + "\"" : String.valueOf(key);
    }

    /** A string that checks the budget as a regular expression reads it, so backtracking cannot run forever. */
    private record Timed(String text, Budget budget) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            budget.check();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Timed(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
