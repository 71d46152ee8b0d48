package org.runbook.coauthor.render.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.ast.CodeVisitorSupport;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.GStringExpression;
import org.codehaus.groovy.ast.expr.MapEntryExpression;
import org.codehaus.groovy.ast.expr.MapExpression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.jenkins.JenkinsValidator;
import org.runbook.coauthor.validate.support.ShellSyntax;

/**
 * Reads a rendered Jenkinsfile the way Jenkins does before it runs anything: the real Groovy
 * compiler, up to the conversion phase (syntax and AST, no class generation, nothing executed).
 */
public final class Jenkinsfiles {
    private static final Pattern HEREDOC =
            Pattern.compile("<<'(COAUTHOR_STEP(?:_[0-9]+)?)'\\n(.*?)\\n\\1\\n", Pattern.DOTALL);

    /** What the compiler saw: the script of every {@code sh}, every method called, and any GString. */
    public record Parsed(List<String> scripts, Set<String> calls, List<String> gstrings) {}

    private static final JenkinsValidator STEP_CHECK =
            new JenkinsValidator(ValidatorOptions.builder().shellcheck(false).build());

    private Jenkinsfiles() {}

    /** The validator's unknown-step findings (JK008): every call must be a known step or declarative grammar. */
    public static List<String> unknownSteps(String jenkinsfile) {
        return STEP_CHECK.validate(jenkinsfile, "Jenkinsfile").stream()
                .filter(f -> f.ruleId().equals("JK008"))
                .map(Finding::toString)
                .toList();
    }

    public static Parsed parse(String jenkinsfile) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource("Jenkinsfile", jenkinsfile);
        unit.compile(Phases.CONVERSION);
        ModuleNode module = unit.getAST().getModules().get(0);
        List<String> scripts = new ArrayList<>();
        Set<String> calls = new LinkedHashSet<>();
        List<String> gstrings = new ArrayList<>();
        module.getStatementBlock().visit(new CodeVisitorSupport() {
            @Override
            public void visitMethodCallExpression(MethodCallExpression call) {
                calls.add(call.getMethodAsString());
                if ("sh".equals(call.getMethodAsString())) {
                    scripts.add(script(call));
                }
                super.visitMethodCallExpression(call);
            }

            @Override
            public void visitGStringExpression(GStringExpression expression) {
                gstrings.add(expression.getText());
                super.visitGStringExpression(expression);
            }
        });
        return new Parsed(scripts, calls, gstrings);
    }

    private static String script(MethodCallExpression call) {
        if (call.getArguments() instanceof TupleExpression args) {
            for (Expression arg : args.getExpressions()) {
                if (arg instanceof ConstantExpression c && c.getValue() instanceof String text) {
                    return text;
                }
                if (arg instanceof MapExpression map) {
                    for (MapEntryExpression e : map.getMapEntryExpressions()) {
                        if ("script".equals(e.getKeyExpression().getText())) {
                            if (e.getValueExpression() instanceof ConstantExpression c) {
                                return (String) c.getValue();
                            }
                            throw new AssertionError("sh script is not a constant string: "
                                    + e.getValueExpression().getText());
                        }
                    }
                }
            }
        }
        throw new AssertionError("sh without script: " + call.getText());
    }

    /** The scripts carried to the nodes in here-documents of an agent-side script. */
    public static List<String> nodeScripts(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = HEREDOC.matcher(script);
        while (m.find()) {
            out.add(m.group(2) + "\n");
        }
        return out;
    }

    /** Parses the file, and every {@code sh} body and node script with {@code bash -n}. */
    public static Parsed assertSound(String jenkinsfile, String what) {
        Parsed parsed = parse(jenkinsfile);
        assertEquals(List.of(), parsed.gstrings(), what + ": Groovy interpolation in\n" + jenkinsfile);
        for (String script : parsed.scripts()) {
            assertEquals(List.of(), ShellSyntax.check(script), what + ": bash -n on\n" + script);
            for (String node : nodeScripts(script)) {
                assertEquals(List.of(), ShellSyntax.check(node), what + ": bash -n on the node script\n" + node);
            }
        }
        assertTrue(bashAvailable(), "bash is needed to check the sh bodies");
        return parsed;
    }

    private static boolean bashAvailable() {
        return ShellSyntax.check("if then").stream().anyMatch(p -> !p.warning());
    }
}
