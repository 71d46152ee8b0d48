package org.runbook.coauthor.dryrun.jenkins;

import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassCodeVisitorSupport;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.AttributeExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstructorCallExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.MethodPointerExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.SpreadExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.ast.stmt.SynchronizedStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * The compile-time half of the sandbox: a Jenkinsfile that names a class, method or property
 * outside {@link SandboxPolicy} is refused before any of it runs, with the position of the offence.
 */
final class SandboxChecks {
    private SandboxChecks() {}

    /** A sandbox refusal; a syntax exception so that the compiler reports it with line and column. */
    static final class Refusal extends SyntaxException {
        private static final long serialVersionUID = 1L;

        Refusal(String message, ASTNode node) {
            super(message, node.getLineNumber(), node.getColumnNumber());
        }
    }

    /**
     * Runs before semantic analysis, so before any local AST transformation (an {@code @ASTTest}
     * runs code at compile time): no package, imports, classes or annotations.
     */
    static final class Structure extends CompilationCustomizer {
        Structure() {
            super(CompilePhase.CONVERSION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            ModuleNode module = source.getAST();
            if (!classNode.isScript()) {
                refuse(
                        source,
                        classNode,
                        "class \"" + classNode.getNameWithoutPackage()
                                + "\" is defined; a Jenkinsfile dry-run allows no class, interface, enum or trait definitions");
                return;
            }
            if (module.getPackage() != null) {
                refuse(source, module.getPackage(), "a package statement is not allowed in a Jenkinsfile");
            }
            module.getImports()
                    .forEach(i -> refuse(source, i, "import of \"" + i.getClassName() + "\" is not allowed"));
            module.getStarImports()
                    .forEach(i -> refuse(source, i, "import of \"" + i.getPackageName() + "*\" is not allowed"));
            module.getStaticImports()
                    .values()
                    .forEach(i -> refuse(source, i, "static import of \"" + i.getClassName() + "\" is not allowed"));
            module.getStaticStarImports()
                    .values()
                    .forEach(i -> refuse(source, i, "static import of \"" + i.getClassName() + ".*\" is not allowed"));
            new AnnotationFinder(source).visitClass(classNode);
        }
    }

    /** Runs once names are resolved: every class named and every method and property name used. */
    static final class Names extends CompilationCustomizer {
        Names() {
            super(CompilePhase.CANONICALIZATION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            NameChecker checker = new NameChecker(source);
            for (MethodNode m : classNode.getMethods()) {
                if (m.getName().equals("run") || m.getLineNumber() > 0) {
                    checker.checkSignature(m);
                    m.getCode().visit(checker);
                }
            }
        }
    }

    static void refuse(SourceUnit source, ASTNode node, String message) {
        source.getErrorCollector().addErrorAndContinue(new SyntaxErrorMessage(new Refusal(message, node), source));
    }

    private static final class AnnotationFinder extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        AnnotationFinder(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public void visitAnnotations(AnnotatedNode node) {
            // The compiler's own annotations (the script base class) have no position in the file.
            node.getAnnotations().stream()
                    .filter(a -> a.getLineNumber() > 0)
                    .forEach(
                            a -> refuse(
                                    source,
                                    a,
                                    "annotation @" + a.getClassNode().getNameWithoutPackage()
                                            + " is not allowed (annotations such as @Grab run code when the file is compiled)"));
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression expression) {
            visitAnnotations(expression);
            super.visitDeclarationExpression(expression);
        }
    }

    private static final class NameChecker extends ClassCodeVisitorSupport {
        private final SourceUnit source;

        NameChecker(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        void checkSignature(MethodNode m) {
            if (m.getLineNumber() > 0) {
                type(m.getReturnType(), m);
            }
            parameters(m.getParameters(), m);
        }

        private void parameters(Parameter[] params, ASTNode at) {
            if (params != null) {
                for (Parameter p : params) {
                    type(p.getType(), p.getLineNumber() > 0 ? p : at);
                }
            }
        }

        private void type(ClassNode type, ASTNode at) {
            ClassNode t = type;
            while (t.isArray()) {
                t = t.getComponentType();
            }
            if (!SandboxPolicy.allowedClass(t.getName())) {
                refuse(
                        source,
                        at.getLineNumber() > 0 ? at : type,
                        "class \"" + t.getName() + "\" is not allowed in a Jenkinsfile dry-run");
            }
        }

        @Override
        public void visitMethodCallExpression(MethodCallExpression call) {
            String name = call.getMethodAsString();
            if (name == null) {
                refuse(source, call.getMethod(), "a method name computed at run time is not allowed");
            } else if (SandboxPolicy.refusedMethod(name, call.isImplicitThis())) {
                refuse(source, call.getMethod(), "method \"" + name + "\" is not allowed in a Jenkinsfile dry-run");
            }
            super.visitMethodCallExpression(call);
        }

        @Override
        public void visitStaticMethodCallExpression(StaticMethodCallExpression call) {
            refuse(source, call, "static method call \"" + call.getMethod() + "\" is not allowed");
            super.visitStaticMethodCallExpression(call);
        }

        @Override
        public void visitPropertyExpression(PropertyExpression expression) {
            property(expression);
            super.visitPropertyExpression(expression);
        }

        @Override
        public void visitAttributeExpression(AttributeExpression expression) {
            refuse(source, expression, "direct field access (\".@\") is not allowed");
            super.visitAttributeExpression(expression);
        }

        private void property(PropertyExpression expression) {
            String name = expression.getPropertyAsString();
            if (name == null) {
                refuse(source, expression.getProperty(), "a property name computed at run time is not allowed");
            } else if (SandboxPolicy.PROPERTIES.contains(name)) {
                refuse(
                        source,
                        expression.getProperty(),
                        "property \"" + name + "\" is not allowed in a Jenkinsfile dry-run");
            }
        }

        @Override
        public void visitVariableExpression(VariableExpression expression) {
            if (expression.isThisExpression() || expression.isSuperExpression()) {
                return;
            }
            if (SandboxPolicy.PROPERTIES.contains(expression.getName())) {
                refuse(source, expression, "\"" + expression.getName() + "\" is not allowed in a Jenkinsfile dry-run");
            }
            if (expression.isDynamicTyped() || expression.getOriginType() == null) {
                return;
            }
            type(expression.getOriginType(), expression);
        }

        @Override
        public void visitMethodPointerExpression(MethodPointerExpression expression) {
            refuse(source, expression, "method pointers and references (\".&\", \"::\") are not allowed");
            super.visitMethodPointerExpression(expression);
        }

        @Override
        public void visitSpreadExpression(SpreadExpression expression) {
            refuse(source, expression, "spread arguments (\"*list\") are not allowed");
            super.visitSpreadExpression(expression);
        }

        @Override
        public void visitClassExpression(ClassExpression expression) {
            type(expression.getType(), expression);
        }

        @Override
        public void visitConstructorCallExpression(ConstructorCallExpression call) {
            if (call.isUsingAnonymousInnerClass()) {
                refuse(source, call, "anonymous classes are not allowed");
            }
            type(call.getType(), call);
            super.visitConstructorCallExpression(call);
        }

        @Override
        public void visitCastExpression(CastExpression expression) {
            type(expression.getType(), expression);
            super.visitCastExpression(expression);
        }

        @Override
        public void visitClosureExpression(ClosureExpression expression) {
            parameters(expression.getParameters(), expression);
            super.visitClosureExpression(expression);
        }

        @Override
        public void visitCatchStatement(CatchStatement statement) {
            type(statement.getExceptionType(), statement);
            super.visitCatchStatement(statement);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            Parameter v = loop.getVariable();
            if (v != null && !v.isDynamicTyped()) {
                type(v.getType(), loop);
            }
            super.visitForLoop(loop);
        }

        @Override
        public void visitSynchronizedStatement(SynchronizedStatement statement) {
            refuse(source, statement, "synchronized blocks are not allowed");
            super.visitSynchronizedStatement(statement);
        }

        @Override
        public void visitDeclarationExpression(DeclarationExpression expression) {
            if (expression.isMultipleAssignmentDeclaration()) {
                List<Expression> vars = expression.getTupleExpression().getExpressions();
                vars.forEach(v -> v.visit(this));
                expression.getRightExpression().visit(this);
                return;
            }
            super.visitDeclarationExpression(expression);
        }
    }
}
