package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyCodeSource;
import groovy.transform.ThreadInterrupt;
import groovy.transform.TimedInterrupt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.SecureASTCustomizer;
import org.codehaus.groovy.control.messages.ExceptionMessage;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

/**
 * Compiles a Jenkinsfile for a dry-run: the sandbox's compile-time checks, the run-time guard, the
 * loop and time interrupts, no {@code @Grab}. The configuration is built once per time budget and
 * compiled classes are kept by text, so a warm dry-run of an unchanged file does not compile.
 */
final class Sandbox {
    /** The file name compiled scripts report in stack traces; how run-time findings find their line. */
    static final String SCRIPT_NAME = "Jenkinsfile";

    private static final int CACHED_SCRIPTS = 64;
    private static final Map<Long, CompilerConfiguration> CONFIGS = new ConcurrentHashMap<>();
    private static final Map<Key, Class<? extends PipelineScript>> SCRIPTS =
            new LinkedHashMap<>(CACHED_SCRIPTS, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Class<? extends PipelineScript>> eldest) {
                    return size() > CACHED_SCRIPTS;
                }
            };

    private Sandbox() {}

    private record Key(String text, long budgetMillis) {}

    /** Why a Jenkinsfile was not compiled: its syntax, or a sandbox refusal, each with a position. */
    record Problem(boolean refused, int line, int column, String message) {}

    /** Thrown when a Jenkinsfile does not compile or the sandbox refuses it; never when it runs. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Rejected(List<Problem> problems) {
            super(problems.isEmpty() ? "rejected" : problems.get(0).message(), null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    static Class<? extends PipelineScript> compile(String text, long budgetMillis) throws Rejected {
        Key key = new Key(text, budgetMillis);
        synchronized (SCRIPTS) {
            Class<? extends PipelineScript> cached = SCRIPTS.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Class<? extends PipelineScript> compiled = doCompile(text, budgetMillis);
        synchronized (SCRIPTS) {
            SCRIPTS.put(key, compiled);
        }
        return compiled;
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends PipelineScript> doCompile(String text, long budgetMillis) throws Rejected {
        CompilerConfiguration config = CONFIGS.computeIfAbsent(budgetMillis, Sandbox::configuration);
        // One loader per script, so an evicted script's classes can be collected.
        try (GroovyClassLoader loader = new GroovyClassLoader(PipelineScript.class.getClassLoader(), config)) {
            return (Class<? extends PipelineScript>)
                    loader.parseClass(new GroovyCodeSource(text, SCRIPT_NAME, "/groovy/shell"), false);
        } catch (MultipleCompilationErrorsException e) {
            throw new Rejected(problems(e));
        } catch (CompilationFailedException e) {
            throw new Rejected(List.of(new Problem(false, 0, 0, e.getMessage())));
        } catch (StackOverflowError e) {
            throw new Rejected(List.of(new Problem(false, 0, 0, "the file is nested too deeply to compile")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("closing a class loader failed", e);
        }
    }

    private static List<Problem> problems(MultipleCompilationErrorsException e) {
        List<Problem> out = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException cause = s.getCause();
                out.add(new Problem(
                        cause instanceof SandboxChecks.Refusal,
                        cause.getStartLine(),
                        cause.getStartColumn(),
                        firstLine(cause.getOriginalMessage())));
            } else if (m instanceof ExceptionMessage x) {
                Exception cause = x.getCause();
                out.add(new Problem(cause instanceof SecurityException, 0, 0, firstLine(cause.getMessage())));
            }
        }
        // SecureASTCustomizer reports without a position what our own checks already placed.
        if (out.stream().anyMatch(p -> p.line() > 0)) {
            out.removeIf(p -> p.line() <= 0);
        }
        if (out.isEmpty()) {
            out.add(new Problem(false, 0, 0, firstLine(e.getMessage())));
        }
        return out.stream().distinct().toList();
    }

    private static String firstLine(String message) {
        String m = message == null ? "the file does not compile" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static CompilerConfiguration configuration(long budgetMillis) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PipelineScript.class.getName());
        config.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        SecureASTCustomizer secure = new SecureASTCustomizer();
        secure.setPackageAllowed(false);
        secure.setMethodDefinitionAllowed(true);
        secure.setAllowedImports(List.of());
        secure.setAllowedStarImports(List.of());
        secure.setAllowedStaticImports(List.of());
        secure.setAllowedStaticStarImports(List.of());
        secure.setDisallowedReceivers(List.of(
                "java.lang.System",
                "java.lang.Runtime",
                "java.lang.Class",
                "java.lang.ClassLoader",
                "java.lang.Thread",
                "java.lang.ProcessBuilder",
                "groovy.lang.GroovyShell",
                "groovy.util.Eval"));
        config.addCompilationCustomizers(
                new SandboxChecks.Structure(),
                new SandboxChecks.Names(),
                secure,
                new GuardTransformer(),
                new ASTTransformationCustomizer(
                        Map.of("value", budgetMillis, "unit", java.util.concurrent.TimeUnit.MILLISECONDS),
                        TimedInterrupt.class),
                new ASTTransformationCustomizer(ThreadInterrupt.class));
        return config;
    }
}
