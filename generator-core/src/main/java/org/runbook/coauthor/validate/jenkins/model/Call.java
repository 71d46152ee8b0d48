package org.runbook.coauthor.validate.jenkins.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.runbook.coauthor.validate.read.Position;

/**
 * A method or constructor call anywhere in the file, with where it sits: {@code sh "make"} in a
 * stage's {@code steps}, {@code Runtime.getRuntime().exec(…)} in a {@code script} block.
 *
 * @param receiver the receiver's source text, {@code ""} for an implicit {@code this} (a step call);
 *     for a constructor, the class name
 * @param args positional arguments without a trailing closure
 * @param hasBody whether a closure is passed last
 */
public record Call(
        String receiver,
        String name,
        Position position,
        List<Value> args,
        Map<String, Value> named,
        boolean hasBody,
        boolean constructor,
        Context context) {
    /** Where a call sits in the pipeline. */
    public enum Zone {
        /** The top of the file, outside any block. */
        TOP,
        /** Where steps run: {@code steps}, {@code script}, post conditions, step bodies, scripted pipelines. */
        STEPS,
        /** Declarative structure and directives: {@code pipeline}, {@code options}, {@code when}, … */
        DECLARATIVE,
        /** Inside the arguments of another call, e.g. {@code string(…)} in {@code withCredentials([…])}. */
        ARGUMENT
    }

    /**
     * The surroundings of a call.
     *
     * @param stage the nearest enclosing stage's name, or {@code ""}
     * @param enclosing the names of the step and directive calls whose closures hold this call, outermost first
     * @param secrets variables that hold credentials here: bound by {@code withCredentials} or an
     *     {@code environment} entry with {@code credentials(…)}
     */
    public record Context(String stage, Zone zone, List<String> enclosing, Set<String> secrets) {
        public Context {
            enclosing = List.copyOf(enclosing);
            secrets = Set.copyOf(secrets);
        }
    }

    public Call {
        args = List.copyOf(args);
        named = Map.copyOf(named);
    }

    /** A step call: no receiver, in a place where steps run. */
    public boolean isStep() {
        return receiver.isEmpty() && !constructor && (context.zone() == Zone.STEPS || context.zone() == Zone.TOP);
    }

    /** The script of {@code sh}, {@code bat}, {@code powershell} and {@code pwsh}: the first argument or {@code script:}. */
    public Optional<Value> script() {
        if (!receiver.isEmpty() || !List.of("sh", "bat", "powershell", "pwsh").contains(name)) {
            return Optional.empty();
        }
        if (named.containsKey("script")) {
            return Optional.of(named.get("script"));
        }
        return args.isEmpty() ? Optional.empty() : Optional.of(args.get(0));
    }
}
