package org.runbook.coauthor.validate.jenkins.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.syntax.Types;

/** Builds the statement tree ({@link Node}) of blocks and the {@link Pipeline} and {@link Stage} model. */
final class Declarations {
    private Declarations() {}

    static List<Node> nodes(Statement statement) {
        List<Node> out = new ArrayList<>();
        if (statement instanceof BlockStatement block) {
            for (Statement s : block.getStatements()) {
                out.add(node(s));
            }
        } else if (statement != null) {
            out.add(node(statement));
        }
        return out;
    }

    static Node node(Statement s) {
        if (s instanceof ExpressionStatement es) {
            Expression e = es.getExpression();
            if (e instanceof MethodCallExpression m && m.isImplicitThis()) {
                Values.Args args = Values.args(m.getArguments());
                boolean body = args.closure() != null;
                return new Node(
                        Node.Type.CALL,
                        m.getMethodAsString() == null ? Values.text(m.getMethod()) : m.getMethodAsString(),
                        Values.callPosition(m),
                        args.positional(),
                        args.named(),
                        body,
                        body ? nodes(args.closure().getCode()) : List.of());
            }
            if (e instanceof BinaryExpression b
                    && b.getOperation().getType() == Types.ASSIGN
                    && b.getLeftExpression() instanceof VariableExpression v) {
                return new Node(
                        Node.Type.ASSIGNMENT,
                        v.getName(),
                        Values.position(b),
                        List.of(Values.of(b.getRightExpression())),
                        Map.of(),
                        false,
                        List.of());
            }
            return new Node(Node.Type.OTHER, Values.text(e), Values.position(s), List.of(), Map.of(), false, List.of());
        }
        String kind = s.getClass().getSimpleName().replace("Statement", "").toLowerCase(Locale.ROOT);
        return new Node(Node.Type.OTHER, kind, Values.position(s), List.of(), Map.of(), false, List.of());
    }

    static Pipeline pipeline(Node node) {
        return new Pipeline(
                node, node.child("stages").map(s -> stages(s, List.of())).orElse(List.of()));
    }

    private static List<Stage> stages(Node container, List<String> path) {
        List<Stage> out = new ArrayList<>();
        for (Node n : container.children("stage")) {
            out.add(stage(n, path));
        }
        return out;
    }

    private static Stage stage(Node n, List<String> path) {
        String name = n.firstString().orElse("");
        List<String> inner = new ArrayList<>(path);
        inner.add(name);
        List<Stage> children = new ArrayList<>();
        n.child("stages").ifPresent(s -> children.addAll(stages(s, inner)));
        n.child("parallel").ifPresent(s -> children.addAll(stages(s, inner)));
        n.child("matrix").flatMap(m -> m.child("stages")).ifPresent(s -> children.addAll(stages(s, inner)));
        return new Stage(name, n, children, path);
    }
}
