package org.runbook.coauthor.validate.jenkins.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.NamedArgumentListExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.syntax.Types;
import org.runbook.coauthor.validate.jenkins.model.Value.Kind;
import org.runbook.coauthor.validate.jenkins.model.Value.Part;
import org.runbook.coauthor.validate.read.Position;

/** Turns Groovy syntax-tree expressions into {@link Value}s and call arguments. */
final class Values {
    /** Source text of an expression longer than this is cut: it only feeds messages and name lookups. */
    private static final int MAX_TEXT = 2000;

    /** The arguments of a call: positional ones, named ones, and the trailing closure if any. */
    record Args(List<Value> positional, Map<String, Value> named, ClosureExpression closure, List<Expression> raw) {}

    private Values() {}

    static Position position(ASTNode node) {
        return new Position(Math.max(1, node.getLineNumber()), Math.max(1, node.getColumnNumber()));
    }

    /** The position of a call's method name, which for a chained call is more precise than the call's own. */
    static Position callPosition(MethodCallExpression call) {
        Expression method = call.getMethod();
        return method.getLineNumber() > 0 ? position(method) : position(call);
    }

    static Args args(Expression arguments) {
        List<Value> positional = new ArrayList<>();
        Map<String, Value> named = new LinkedHashMap<>();
        List<Expression> raw = new ArrayList<>();
        ClosureExpression closure = null;
        List<Expression> list = arguments instanceof TupleExpression t ? t.getExpressions() : List.of(arguments);
        for (int i = 0; i < list.size(); i++) {
            Expression e = list.get(i);
            if (e instanceof NamedArgumentListExpression m) {
                for (MapEntryExpression entry : m.getMapEntryExpressions()) {
                    named.put(keyText(entry.getKeyExpression()), of(entry.getValueExpression()));
                }
            } else if (e instanceof ClosureExpression c && i == list.size() - 1) {
                closure = c;
            } else {
                positional.add(of(e));
            }
            raw.add(e);
        }
        return new Args(positional, named, closure, raw);
    }

    static Value of(Expression e) {
        Position at = position(e);
        if (e instanceof ConstantExpression c) {
            Object v = c.getValue();
            if (v == null) {
                return Value.of(Kind.NULL, "null", at);
            }
            if (v instanceof String s) {
                return Value.of(Kind.STRING, s, at);
            }
            return Value.of(v instanceof Boolean ? Kind.BOOLEAN : Kind.NUMBER, String.valueOf(v), at);
        }
        if (e instanceof GStringExpression || isConcatenation(e)) {
            List<Part> parts = new ArrayList<>();
            flatten(e, parts);
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append(p.interpolated() ? "${" + p.text() + "}" : p.text()));
            return new Value(Kind.GSTRING, text.toString(), at, parts, List.of(), Map.of());
        }
        if (e instanceof ListExpression l) {
            List<Value> items = l.getExpressions().stream().map(Values::of).toList();
            return new Value(Kind.LIST, text(e), at, List.of(), items, Map.of());
        }
        if (e instanceof MapExpression m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            for (MapEntryExpression entry : m.getMapEntryExpressions()) {
                entries.put(keyText(entry.getKeyExpression()), of(entry.getValueExpression()));
            }
            return new Value(Kind.MAP, text(e), at, List.of(), List.of(), entries);
        }
        if (e instanceof ClosureExpression) {
            return Value.of(Kind.CLOSURE, "{ … }", at);
        }
        return Value.of(Kind.EXPRESSION, text(e), at);
    }

    /** {@code 'a' + b + "c${d}"}: string pieces joined with {@code +}, at least one of them literal. */
    private static boolean isConcatenation(Expression e) {
        return e instanceof BinaryExpression b
                && b.getOperation().getType() == Types.PLUS
                && (stringish(b.getLeftExpression()) || stringish(b.getRightExpression()));
    }

    private static boolean stringish(Expression e) {
        return e instanceof ConstantExpression c && c.getValue() instanceof String
                || e instanceof GStringExpression
                || isConcatenation(e);
    }

    private static void flatten(Expression e, List<Part> parts) {
        if (e instanceof GStringExpression g) {
            List<ConstantExpression> strings = g.getStrings();
            List<Expression> values = g.getValues();
            for (int i = 0; i < Math.max(strings.size(), values.size()); i++) {
                if (i < strings.size()
                        && !String.valueOf(strings.get(i).getValue()).isEmpty()) {
                    parts.add(new Part(String.valueOf(strings.get(i).getValue()), false));
                }
                if (i < values.size()) {
                    parts.add(new Part(text(values.get(i)), true));
                }
            }
        } else if (isConcatenation(e)) {
            BinaryExpression b = (BinaryExpression) e;
            flatten(b.getLeftExpression(), parts);
            flatten(b.getRightExpression(), parts);
        } else if (e instanceof ConstantExpression c && c.getValue() instanceof String s) {
            parts.add(new Part(s, false));
        } else {
            parts.add(new Part(text(e), true));
        }
    }

    static String keyText(Expression key) {
        return key instanceof ConstantExpression c ? String.valueOf(c.getValue()) : text(key);
    }

    /** Source-like text: {@code params.BRANCH}, {@code TOKEN}, {@code env.HOME}. */
    static String text(Expression e) {
        String t;
        if (e instanceof VariableExpression v) {
            t = v.getName();
        } else {
            try {
                t = e.getText();
            } catch (RuntimeException ex) {
                t = e.getClass().getSimpleName(); // some nodes have no text form before later phases
            }
        }
        t = t.replace("this.", "");
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) : t;
    }
}
