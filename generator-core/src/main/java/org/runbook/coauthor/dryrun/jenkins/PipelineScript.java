package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import groovy.lang.Script;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

/**
 * The base class of every Jenkinsfile compiled for a dry-run: {@code pipeline { }} starts the
 * declarative interpreter, any other call is a step, and {@code env}, {@code params},
 * {@code currentBuild} and bare environment variable names resolve as in Jenkins. Public only
 * because compiled scripts extend it.
 */
public abstract class PipelineScript extends Script implements Dsl {
    private Run run;
    private Set<String> declared;

    void attach(Run value) {
        this.run = value;
        Set<String> names = new HashSet<>();
        for (Method m : getClass().getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())
                    && !m.isSynthetic()
                    && !m.getName().equals("run")
                    && !m.getName().equals("main")
                    && !m.getName().startsWith("$")) {
                names.add(m.getName());
            }
        }
        this.declared = names;
    }

    /** Whether the Jenkinsfile itself defines a method of this name ({@code def deploy(env) { ... }}). */
    boolean declares(String name) {
        return declared.contains(name);
    }

    public Object pipeline(Closure<?> body) {
        new Declarative(run).run(body);
        return null;
    }

    public Object methodMissing(String name, Object args) {
        return run.steps().methodMissing(name, args);
    }

    @Override
    public Object getProperty(String name) {
        switch (name) {
            case "env":
                return run.env();
            case "params":
                return run.params();
            case "currentBuild":
                return run.currentBuild();
            case "scm":
                return new Descriptor("scm", java.util.List.of());
            default:
                break;
        }
        if (getBinding().hasVariable(name)) {
            return getBinding().getVariable(name);
        }
        if (run.env().containsKey(name)) {
            return run.env().get(name);
        }
        // Fields the compiler adds (the time limit's deadline) are read as properties from closures.
        return super.getProperty(name);
    }

    @Override
    public void println(Object value) {
        run.steps().invokeMethod("println", new Object[] {value});
    }

    @Override
    public void println() {
        run.steps().invokeMethod("println", new Object[] {""});
    }

    @Override
    public void print(Object value) {
        run.steps().invokeMethod("print", new Object[] {value});
    }

    @Override
    public Object evaluate(String expression) {
        throw SandboxGuard.refused("evaluate");
    }

    @Override
    public Object evaluate(java.io.File file) {
        throw SandboxGuard.refused("evaluate");
    }

    @Override
    public void run(java.io.File file, String[] arguments) {
        throw SandboxGuard.refused("run");
    }
}
