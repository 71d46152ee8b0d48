package org.runbook.coauthor.validate.jenkins.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.runbook.coauthor.validate.read.Position;

/**
 * One statement of a declarative block: a directive or step call ({@code agent any},
 * {@code stage('Build') { … }}), an assignment ({@code FOO = 'bar'} in {@code environment}), or any
 * other statement, with its position and, for a call with a closure, the statements of the closure.
 *
 * @param name the method name of a call, the variable of an assignment, or the statement's kind
 * @param args positional arguments without the closure; for an assignment, the assigned value
 * @param named named arguments ({@code credentialsId: 'x'})
 * @param body the closure's statements; empty when there is none or it is empty (see {@code hasBody})
 */
public record Node(
        Type type,
        String name,
        Position position,
        List<Value> args,
        Map<String, Value> named,
        boolean hasBody,
        List<Node> body) {
    /** What kind of statement. */
    public enum Type {
        CALL,
        ASSIGNMENT,
        OTHER
    }

    public Node {
        args = List.copyOf(args);
        named = Map.copyOf(named);
        body = List.copyOf(body);
    }

    public boolean isCall() {
        return type == Type.CALL;
    }

    /** The first call named {@code name} in the body. */
    public Optional<Node> child(String name) {
        return body.stream().filter(n -> n.isCall() && n.name().equals(name)).findFirst();
    }

    /** Every call named {@code name} in the body. */
    public List<Node> children(String name) {
        return body.stream().filter(n -> n.isCall() && n.name().equals(name)).toList();
    }

    /** The first positional argument as a plain string. */
    public Optional<String> firstString() {
        return args.isEmpty() ? Optional.empty() : args.get(0).string();
    }
}
