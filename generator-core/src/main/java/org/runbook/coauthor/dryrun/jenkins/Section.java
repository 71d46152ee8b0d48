package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.codehaus.groovy.runtime.InvokerHelper;

/**
 * A declarative section ({@code pipeline}, {@code stage}, {@code when}, {@code post}, ...) read by
 * running its closure against this collector: each directive becomes a {@link Call}, in order, with
 * its closure kept for later. In an {@code environment} section, assignments set variables at once.
 */
public final class Section extends GroovyObjectSupport implements Dsl {
    /** One directive: {@code stage('Build') { ... }} is {@code Call("stage", ["Build", {...}], 12)}. */
    record Call(String name, Object[] args, int line) {
        Closure<?> body() {
            return Args.body(args);
        }

        Object[] values() {
            return Args.values(args);
        }

        Object first() {
            Object[] v = values();
            return v.length == 0 ? null : v[0];
        }
    }

    private final Run run;
    private final boolean environment;
    private final List<Call> calls = new ArrayList<>();
    private final java.util.Map<String, Object> replaced = new java.util.LinkedHashMap<>();
    private final java.util.Map<Object, Call> built = new java.util.IdentityHashMap<>();

    private Section(Run run, boolean environment) {
        this.run = run;
        this.environment = environment;
    }

    /** Reads the directives of {@code body}; a null body is an empty section. */
    static Section of(Run run, Closure<?> body) {
        return read(new Section(run, false), body);
    }

    /** Runs an {@code environment} body: its assignments go to the run's environment in order. */
    static Section environment(Run run, Closure<?> body) {
        return read(new Section(run, true), body);
    }

    private static Section read(Section section, Closure<?> body) {
        if (body != null) {
            Closure<?> c = body.rehydrate(section, body.getOwner(), body.getThisObject());
            c.setResolveStrategy(Closure.DELEGATE_FIRST);
            c.call();
        }
        return section;
    }

    public Object methodMissing(String name, Object argsObject) {
        Object[] args = argsObject instanceof Object[] a ? a : new Object[] {argsObject};
        PipelineScript script = run.script();
        if (script != null && script.declares(name)) {
            return InvokerHelper.invokeMethod(script, name, args);
        }
        if (environment && name.equals("credentials")) {
            return new Descriptor(name, List.of(args));
        }
        // A directive used as another's argument (buildDiscarder(logRotator(...))) is that argument only.
        for (Object a : args) {
            Call nested = a instanceof Descriptor ? built.remove(a) : null;
            if (nested != null) {
                calls.remove(nested);
            }
        }
        Call call = new Call(name, args, run.recorder().scriptLine(new Throwable().getStackTrace()));
        calls.add(call);
        Descriptor value = new Descriptor(name, java.util.Arrays.asList(Args.values(args)));
        built.put(value, call);
        return value;
    }

    @Override
    public Object getProperty(String name) {
        if (name.equals("any") || name.equals("none")) {
            return new Descriptor(name, List.of());
        }
        throw new MissingPropertyException(name, Section.class);
    }

    @Override
    public void setProperty(String name, Object value) {
        if (!environment) {
            throw new MissingPropertyException(name, Section.class);
        }
        Recorder rec = run.recorder();
        for (String key : List.of(name, name + "_USR", name + "_PSW")) {
            replaced.putIfAbsent(key, run.env().get(key));
        }
        if (value instanceof Descriptor d && d.name().equals("credentials")) {
            String masked =
                    Credentials.masked(d.args().isEmpty() ? null : d.args().get(0));
            run.env().put(name, masked);
            run.env().put(name + "_USR", masked);
            run.env().put(name + "_PSW", masked);
            rec.line(name + " = " + masked + "   (credentials)");
        } else {
            String text = value == null ? "" : value.toString();
            run.env().put(name, text);
            rec.line(name + " = " + Args.value(text));
        }
    }

    /** The values the variables this {@code environment} section set had before it, to restore them. */
    java.util.Map<String, Object> replaced() {
        return replaced;
    }

    List<Call> calls() {
        return calls;
    }

    Optional<Call> first(String name) {
        return calls.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    List<Call> all(String name) {
        return calls.stream().filter(c -> c.name().equals(name)).toList();
    }

    /** The directives as values: {@code string(name: 'A')} in {@code parameters { }}. */
    static Descriptor descriptor(Call c) {
        return new Descriptor(c.name(), java.util.Arrays.asList(c.values()));
    }

    /** A one-line description: {@code label: linux}, {@code docker { image: "maven" }}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (Call c : calls) {
            if (c.body() != null) {
                Object[] v = c.values();
                parts.add(c.name() + (v.length == 0 ? "" : "(" + Args.list(v) + ")") + " { "
                        + Section.of(run, c.body()).describe() + " }");
            } else {
                parts.add(Args.call(c.name(), c.values()));
            }
        }
        return String.join(", ", parts);
    }
}
