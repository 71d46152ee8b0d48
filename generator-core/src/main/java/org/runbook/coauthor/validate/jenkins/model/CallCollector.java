package org.runbook.coauthor.validate.jenkins.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.AnnotationNode;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.ListExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BreakStatement;
import org.codehaus.groovy.ast.stmt.ReturnStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.ThrowStatement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.syntax.Types;
import org.runbook.coauthor.validate.jenkins.model.Call.Zone;

/**
 * Walks the whole syntax tree once and records every call with its place in the pipeline, the
 * {@code params.X} it reads, the variables it declares and the annotations on declarations.
 */
final class CallCollector extends CodeVisitorSupport {
    /** Finer than {@link Zone}: where in the declarative grammar a closure body sits. */
    private enum Place {
        TOP,
        PIPELINE,
        STAGES,
        STAGE,
        MATRIX,
        POST,
        DIRECTIVE,
        STEPS,
        ARGUMENT
    }

    private record Frame(Place place, Place closures, String stage, List<String> enclosing, Set<String> secrets) {}

    /** Binding arguments of {@code withCredentials} whose variables hold a secret. */
    private static final Set<String> SECRET_VARIABLES =
            Set.of("variable", "passwordVariable", "keyFileVariable", "passphraseVariable");

    private final Deque<Frame> frames = new ArrayDeque<>();
    final List<Call> calls = new ArrayList<>();
    final List<Jenkinsfile.Reference> paramRefs = new ArrayList<>();
    final List<Jenkinsfile.Annotation> annotations = new ArrayList<>();
    final Set<String> declared = new HashSet<>();
    final List<Jenkinsfile.Reference> endlessLoops = new ArrayList<>();

    CallCollector(Set<String> environmentSecrets) {
        frames.push(new Frame(Place.TOP, Place.TOP, "", List.of(), environmentSecrets));
    }

    /** Names bound to {@code credentials(…)} in any {@code environment}, with Jenkins' {@code _USR}/{@code _PSW} forms. */
    static Set<String> environmentSecrets(Statement code) {
        Set<String> out = new HashSet<>();
        code.visit(new CodeVisitorSupport() {
            @Override
            public void visitBinaryExpression(BinaryExpression b) {
                if (b.getOperation().getType() == Types.ASSIGN
                        && b.getLeftExpression() instanceof VariableExpression v
                        && b.getRightExpression() instanceof MethodCallExpression m
                        && "credentials".equals(m.getMethodAsString())) {
                    out.add(v.getName());
                    out.add(v.getName() + "_USR");
                    out.add(v.getName() + "_PSW");
                }
                super.visitBinaryExpression(b);
            }
        });
        return out;
    }

    /** Walks a method body of the file's own helpers: they run where steps run. */
    void walkHelper(Statement code) {
        Frame f = frames.peek();
        frames.push(new Frame(Place.STEPS, Place.STEPS, "", List.of(), f.secrets()));
        code.visit(this);
        frames.pop();
    }

    @Override
    public void visitMethodCallExpression(MethodCallExpression call) {
        Frame f = frames.peek();
        boolean implicit = call.isImplicitThis();
        String name = call.getMethodAsString() == null ? Values.text(call.getMethod()) : call.getMethodAsString();
        Values.Args args = Values.args(call.getArguments());
        calls.add(new Call(
                implicit ? "" : Values.text(call.getObjectExpression()),
                name,
                Values.callPosition(call),
                args.positional(),
                args.named(),
                args.closure() != null,
                false,
                context(f)));
        if (!implicit) {
            call.getObjectExpression().visit(this);
        }
        Place closures = implicit ? next(f, name) : f.place() == Place.ARGUMENT ? f.closures() : f.place();
        String stage = implicit && name.equals("stage") && !args.positional().isEmpty()
                ? args.positional().get(0).string().orElse(f.stage())
                : f.stage();
        List<String> enclosing = f.enclosing();
        if (implicit) {
            enclosing = new ArrayList<>(enclosing);
            enclosing.add(name);
        }
        Set<String> secrets = implicit && name.equals("withCredentials") ? bound(args.raw(), f.secrets()) : f.secrets();
        frames.push(new Frame(Place.ARGUMENT, closures, stage, enclosing, secrets));
        for (Expression e : args.raw()) {
            if (e != args.closure()) {
                e.visit(this);
            }
        }
        frames.pop();
        if (args.closure() != null) {
            frames.push(new Frame(closures, closures, stage, enclosing, secrets));
            args.closure().getCode().visit(this);
            frames.pop();
        }
    }

    @Override
    public void visitClosureExpression(ClosureExpression closure) {
        Frame f = frames.peek();
        Place place = f.place() == Place.ARGUMENT ? f.closures() : f.place();
        frames.push(new Frame(place, place, f.stage(), f.enclosing(), f.secrets()));
        closure.getCode().visit(this);
        frames.pop();
    }

    @Override
    public void visitConstructorCallExpression(ConstructorCallExpression call) {
        Frame f = frames.peek();
        Values.Args args = Values.args(call.getArguments());
        calls.add(new Call(
                call.getType().getName(),
                "new",
                Values.position(call),
                args.positional(),
                args.named(),
                false,
                true,
                context(f)));
        super.visitConstructorCallExpression(call);
    }

    @Override
    public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
        Frame f = frames.peek();
        Values.Args args = Values.args(call.getArguments());
        calls.add(new Call(
                call.getOwnerType().getName(),
                call.getMethod(),
                Values.position(call),
                args.positional(),
                args.named(),
                args.closure() != null,
                false,
                context(f)));
        super.visitStaticMethodCallExpression(call);
    }

    @Override
    public void visitPropertyExpression(PropertyExpression p) {
        if (p.getObjectExpression() instanceof VariableExpression v
                && v.getName().equals("params")
                && p.getPropertyAsString() != null) {
            paramRefs.add(new Jenkinsfile.Reference(p.getPropertyAsString(), Values.position(p)));
        }
        super.visitPropertyExpression(p);
    }

    @Override
    public void visitBinaryExpression(BinaryExpression b) {
        if (b.getOperation().getType() == Types.LEFT_SQUARE_BRACKET
                && b.getLeftExpression() instanceof VariableExpression v
                && v.getName().equals("params")
                && b.getRightExpression() instanceof ConstantExpression c
                && c.getValue() instanceof String key) {
            paramRefs.add(new Jenkinsfile.Reference(key, Values.position(b)));
        }
        super.visitBinaryExpression(b);
    }

    @Override
    public void visitDeclarationExpression(DeclarationExpression d) {
        if (d.getLeftExpression() instanceof VariableExpression v) {
            declared.add(v.getName());
        }
        for (AnnotationNode a : d.getAnnotations()) {
            annotations.add(annotation(a));
        }
        super.visitDeclarationExpression(d);
    }

    @Override
    public void visitWhileLoop(WhileStatement loop) {
        if (loop.getBooleanExpression().getExpression() instanceof ConstantExpression c
                && Boolean.TRUE.equals(c.getValue())
                && !leaves(loop.getLoopBlock())) {
            endlessLoops.add(new Jenkinsfile.Reference("while", Values.position(loop)));
        }
        super.visitWhileLoop(loop);
    }

    /** Whether a loop body can leave the loop: break, return, throw, or the error step. */
    private static boolean leaves(Statement body) {
        boolean[] found = {false};
        body.visit(new CodeVisitorSupport() {
            @Override
            public void visitBreakStatement(BreakStatement s) {
                found[0] = true;
            }

            @Override
            public void visitReturnStatement(ReturnStatement s) {
                found[0] = true;
            }

            @Override
            public void visitThrowStatement(ThrowStatement s) {
                found[0] = true;
            }

            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                found[0] |= call.isImplicitThis() && "error".equals(call.getMethodAsString());
                super.visitMethodCallExpression(call);
            }
        });
        return found[0];
    }

    static Jenkinsfile.Annotation annotation(AnnotationNode a) {
        String text = "@" + a.getClassNode().getNameWithoutPackage()
                + a.getMembers().values().stream()
                        .map(Values::text)
                        .reduce((x, y) -> x + ", " + y)
                        .map(s -> "(" + s + ")")
                        .orElse("");
        return new Jenkinsfile.Annotation(a.getClassNode().getNameWithoutPackage(), Values.position(a), text);
    }

    private static Place next(Frame f, String name) {
        return switch (f.place()) {
            case TOP -> name.equals("pipeline") ? Place.PIPELINE : Place.STEPS;
            case PIPELINE -> name.equals("stages") ? Place.STAGES : name.equals("post") ? Place.POST : Place.DIRECTIVE;
            case STAGES -> name.equals("stage") ? Place.STAGE : Place.DIRECTIVE;
            case STAGE -> switch (name) {
                case "steps" -> Place.STEPS;
                case "stages", "parallel" -> Place.STAGES;
                case "matrix" -> Place.MATRIX;
                case "post" -> Place.POST;
                default -> Place.DIRECTIVE;
            };
            case MATRIX -> name.equals("stages") ? Place.STAGES : Place.DIRECTIVE;
            case POST, STEPS -> Place.STEPS;
            case DIRECTIVE -> Place.DIRECTIVE;
            case ARGUMENT -> f.closures();
        };
    }

    private static Call.Context context(Frame f) {
        Zone zone =
                switch (f.place()) {
                    case TOP -> Zone.TOP;
                    case STEPS -> Zone.STEPS;
                    case ARGUMENT -> Zone.ARGUMENT;
                    default -> Zone.DECLARATIVE;
                };
        return new Call.Context(f.stage(), zone, f.enclosing(), f.secrets());
    }

    /** The secrets in scope plus the variables a {@code withCredentials([...])} binds. */
    private static Set<String> bound(List<Expression> args, Set<String> outer) {
        Set<String> out = new HashSet<>(outer);
        for (Expression e : args) {
            List<Expression> bindings = e instanceof ListExpression l ? l.getExpressions() : List.of(e);
            for (Expression b : bindings) {
                if (b instanceof MethodCallExpression m) {
                    Map<String, Value> named = Values.args(m.getArguments()).named();
                    SECRET_VARIABLES.stream()
                            .map(named::get)
                            .filter(java.util.Objects::nonNull)
                            .forEach(v -> v.string().ifPresent(out::add));
                }
            }
        }
        return out;
    }
}
