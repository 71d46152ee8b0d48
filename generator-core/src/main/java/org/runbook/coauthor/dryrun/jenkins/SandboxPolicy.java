package org.runbook.coauthor.dryrun.jenkins;

import java.util.Set;

/**
 * What a Jenkinsfile may touch in a dry-run: the classes it may name, the classes whose static
 * members it may use, and the method and property names it may never use, whatever the receiver.
 * Read by the compile-time check ({@link SandboxChecks}) and the run-time guard ({@link SandboxGuard}),
 * so both layers refuse the same things.
 */
final class SandboxPolicy {
    /** Classes a script may name: in {@code new}, casts, declarations, {@code catch}, {@code instanceof}. */
    static final Set<String> CLASSES = Set.of(
            "java.lang.Object",
            "java.lang.String",
            "java.lang.CharSequence",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Short",
            "java.lang.Byte",
            "java.lang.Double",
            "java.lang.Float",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Number",
            "java.lang.Math",
            "java.lang.StringBuilder",
            "java.lang.StringBuffer",
            "java.lang.Comparable",
            "java.lang.Exception",
            "java.lang.RuntimeException",
            "java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException",
            "java.lang.NumberFormatException",
            "java.lang.NullPointerException",
            "java.lang.UnsupportedOperationException",
            "java.lang.IndexOutOfBoundsException",
            "java.lang.ArithmeticException",
            "java.util.List",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.Map",
            "java.util.HashMap",
            "java.util.LinkedHashMap",
            "java.util.TreeMap",
            "java.util.Set",
            "java.util.HashSet",
            "java.util.LinkedHashSet",
            "java.util.TreeSet",
            "java.util.Collection",
            "java.util.Collections",
            "java.util.Arrays",
            "java.util.Iterator",
            "java.util.Map$Entry",
            "java.util.Date",
            "java.util.regex.Pattern",
            "java.util.regex.Matcher",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "groovy.lang.GString",
            "groovy.lang.Closure",
            "groovy.lang.Range",
            "groovy.lang.IntRange",
            "groovy.lang.ObjectRange",
            "int",
            "long",
            "short",
            "byte",
            "double",
            "float",
            "boolean",
            "char",
            "void");

    /** Classes whose static methods and fields a script may use ({@code Math.max}, {@code Integer.parseInt}). */
    static final Set<Class<?>> STATIC_RECEIVERS = Set.of(
            Math.class,
            String.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            Double.class,
            Float.class,
            Boolean.class,
            Character.class,
            java.util.Collections.class,
            java.util.Arrays.class,
            java.math.BigDecimal.class,
            java.math.BigInteger.class,
            java.util.regex.Pattern.class);

    /**
     * Method names refused on any receiver, implicit or explicit: process execution, reflection,
     * class loaders, meta-classes, nested evaluation, JVM exit, system properties, URL access.
     */
    static final Set<String> METHODS = Set.of(
            "execute",
            "exec",
            "getClass",
            "forName",
            "invokeMethod",
            "getMetaClass",
            "setMetaClass",
            "evaluate",
            "parse",
            "exit",
            "halt",
            "getRuntime",
            "getClassLoader",
            "newInstance",
            "getDeclaredMethod",
            "getDeclaredMethods",
            "getDeclaredField",
            "getDeclaredFields",
            "getDeclaredConstructor",
            "getDeclaredConstructors",
            "getMethod",
            "getMethods",
            "getField",
            "getFields",
            "getConstructor",
            "getConstructors",
            "setAccessible",
            "getProperty",
            "setProperty",
            "getProperties",
            "getMetaPropertyValues",
            "hasProperty",
            "respondsTo",
            "getBinding",
            "setBinding",
            "addShutdownHook",
            "toURL",
            "toURI",
            "wait",
            "notify",
            "notifyAll",
            "use",
            "mixin",
            "withTraits",
            "getInteger",
            "getLong",
            "getBoolean",
            "getenv",
            "identityHashCode",
            "load",
            "run",
            "start",
            "getStaticMetaClass");

    /**
     * Names a script may call without a receiver even though they are refused with one: Jenkins
     * steps ({@code load}, {@code sleep}) that the recording DSL handles.
     */
    static final Set<String> IMPLICIT_ALLOWED = Set.of("load", "run");

    /** Names refused with an explicit receiver only ({@code 'x'.sleep(9)} is Groovy's sleep, not the step). */
    static final Set<String> EXPLICIT_ONLY = Set.of("sleep", "getAt", "putAt", "println", "print", "printf");

    /** Property names refused on any receiver. */
    static final Set<String> PROPERTIES = Set.of(
            "class",
            "metaClass",
            "classLoader",
            "binding",
            "properties",
            "metaPropertyValues",
            "declaredMethods",
            "declaredFields",
            "declaredConstructors",
            "methods",
            "fields",
            "constructors",
            "runtime",
            "protectionDomain",
            "rawBuild",
            "staticMetaClass");

    private SandboxPolicy() {}

    static boolean refusedMethod(String name, boolean implicitThis) {
        if (implicitThis) {
            return METHODS.contains(name) && !IMPLICIT_ALLOWED.contains(name);
        }
        return METHODS.contains(name) || EXPLICIT_ONLY.contains(name);
    }

    static boolean allowedClass(String name) {
        String n = name;
        while (n.endsWith("[]")) {
            n = n.substring(0, n.length() - 2);
        }
        return CLASSES.contains(n);
    }
}
