package org.runbook.coauthor.dryrun.jenkins;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ArrayExpression;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.DoWhileStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.LoopingStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.ast.stmt.WhileStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * The run-time half of the sandbox, put in place at compile time: every call, property read and
 * subscript with an explicit receiver goes through {@link SandboxGuard}, which checks the receiver's
 * class at run time (static types say nothing in dynamic Groovy), and every loop iteration and
 * closure call counts against the iteration budget.
 */
final class GuardTransformer extends CompilationCustomizer {
    private static final ClassNode GUARD = ClassHelper.make(SandboxGuard.class);
    /** Groovy methods every object has that shadow the Jenkins steps of the same name. */
    private static final Set<String> ROUTED_TO_DSL = Set.of("sleep", "println", "print", "printf");

    GuardTransformer() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        Rewriter rewriter = new Rewriter(source);
        for (MethodNode m : classNode.getMethods()) {
            if ((m.getName().equals("run") || m.getLineNumber() > 0) && m.getCode() != null) {
                m.getCode().visit(rewriter);
            }
        }
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression e) {
            if (e == null) {
                return null;
            }
            Expression out;
            if (e instanceof ClosureExpression closure) {
                closure.getCode().visit(this);
                closure.setCode(ticking(closure.getCode()));
                return closure;
            } else if (e instanceof MethodCallExpression call) {
                out = call(call);
            } else if (e instanceof PropertyExpression p && !(p instanceof AttributeExpression)) {
                out = guard(
                        "property",
                        transform(p.getObjectExpression()),
                        new ConstantExpression(p.getPropertyAsString()),
                        bool(p.isSafe()),
                        bool(p.isSpreadSafe()));
            } else if (e instanceof DeclarationExpression d) {
                d.setRightExpression(transform(d.getRightExpression()));
                return d;
            } else if (e instanceof BinaryExpression b) {
                out = binary(b);
            } else {
                return e.transformExpression(this);
            }
            out.setSourcePosition(e);
            return out;
        }

        private Expression call(MethodCallExpression call) {
            String name = call.getMethodAsString();
            Expression args = transform(call.getArguments());
            if (call.isImplicitThis()) {
                if (ROUTED_TO_DSL.contains(name)) {
                    return guard("dsl", new ConstantExpression(name), array(args));
                }
                call.setArguments(args);
                return call;
            }
            return guard(
                    "call",
                    transform(call.getObjectExpression()),
                    new ConstantExpression(name),
                    bool(call.isSafe()),
                    bool(call.isSpreadSafe()),
                    array(args));
        }

        private Expression binary(BinaryExpression b) {
            int op = b.getOperation().getType();
            Expression left = b.getLeftExpression();
            if (Types.isAssignment(op)) {
                if (left instanceof BinaryExpression sub && sub.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                    if (op != Types.ASSIGN) {
                        SandboxChecks.refuse(
                                source,
                                b,
                                "a compound assignment to a subscript is not supported in a dry-run;"
                                        + " write a[k] = a[k] + v");
                        return b;
                    }
                    return guard(
                            "putAt",
                            transform(sub.getLeftExpression()),
                            transform(sub.getRightExpression()),
                            transform(b.getRightExpression()));
                }
                if (left instanceof PropertyExpression p) {
                    p.setObjectExpression(transform(p.getObjectExpression()));
                } else {
                    b.setLeftExpression(transform(left));
                }
                b.setRightExpression(transform(b.getRightExpression()));
                return b;
            }
            Expression l = transform(left);
            Expression r = transform(b.getRightExpression());
            return switch (op) {
                case Types.LEFT_SQUARE_BRACKET -> guard("index", l, r, bool(b.isSafe()));
                case Types.MULTIPLY -> guard("multiply", l, r);
                case Types.FIND_REGEX -> guard("find", l, r);
                case Types.MATCH_REGEX -> guard("matches", l, r);
                default -> {
                    b.setLeftExpression(l);
                    b.setRightExpression(r);
                    yield b;
                }
            };
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            super.visitForLoop(loop);
            tick(loop);
        }

        @Override
        public void visitWhileLoop(WhileStatement loop) {
            super.visitWhileLoop(loop);
            tick(loop);
        }

        @Override
        public void visitDoWhileLoop(DoWhileStatement loop) {
            super.visitDoWhileLoop(loop);
            tick(loop);
        }

        private static void tick(LoopingStatement loop) {
            loop.setLoopBlock(ticking(loop.getLoopBlock()));
        }

        private static Statement ticking(Statement body) {
            Statement tick = new ExpressionStatement(
                    new StaticMethodCallExpression(GUARD, "tick", ArgumentListExpression.EMPTY_ARGUMENTS));
            if (body instanceof BlockStatement block) {
                block.getStatements().add(0, tick);
                return block;
            }
            BlockStatement block = new BlockStatement();
            block.addStatement(tick);
            block.addStatement(body);
            return block;
        }

        private static Expression array(Expression args) {
            List<Expression> items = new ArrayList<>();
            if (args instanceof TupleExpression tuple) {
                items.addAll(tuple.getExpressions());
            } else {
                items.add(args);
            }
            return new ArrayExpression(ClassHelper.OBJECT_TYPE, items);
        }

        private static Expression bool(boolean value) {
            return value ? ConstantExpression.PRIM_TRUE : ConstantExpression.PRIM_FALSE;
        }

        private static Expression guard(String method, Expression... args) {
            return new StaticMethodCallExpression(GUARD, method, new ArgumentListExpression(args));
        }
    }
}
