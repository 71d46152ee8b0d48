package org.runbook.coauthor.validate.jenkins.model;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.Phases;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.messages.Message;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;
import org.runbook.coauthor.validate.read.Position;

/**
 * Reads a Jenkinsfile with the real Groovy compiler, stopped after the {@code CONVERSION} phase: the
 * text is parsed into a syntax tree and nothing more; no class is generated, no name resolved, no
 * global AST transformation applied (so {@code @Grab} fetches nothing) and nothing is run. Oversized
 * and over-nested files are refused before parsing, with a problem saying which limit they broke.
 */
public final class JenkinsfileReader {
    /** Largest Jenkinsfile read, in characters; real ones are a few kilobytes. */
    public static final int MAX_CHARS = 1024 * 1024;
    /** Deepest nesting of brackets, braces and parentheses read; real pipelines stay under 20. */
    public static final int MAX_DEPTH = 64;

    private static final CompilerConfiguration CONFIG = configuration();
    /** Shared: parsing to CONVERSION defines no classes, and hiding transformations is all it does. */
    private static final NoTransformsLoader TRANSFORMS = new NoTransformsLoader();

    private JenkinsfileReader() {}

    public static Jenkinsfile read(String text, String file) {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Jenkinsfile.Problem> limits = limits(clean);
        if (!limits.isEmpty()) {
            return Jenkinsfile.unreadable(file, clean, limits);
        }
        try {
            return build(clean, file);
        } catch (StackOverflowError e) {
            return Jenkinsfile.unreadable(
                    file,
                    clean,
                    List.of(new Jenkinsfile.Problem(
                            Position.START,
                            "the file is too deeply nested to be read",
                            "split long expressions and deep nesting into smaller pieces")));
        }
    }

    /**
     * The Groovy compiler alone, as {@link #read} runs it, without building the model: whether the
     * text parses. The validation benchmark's baseline.
     */
    public static boolean parses(String text, String file) {
        try {
            CompilationUnit unit = new CompilationUnit(CONFIG, null, null, TRANSFORMS);
            unit.addSource(sourceName(file), text);
            unit.compile(Phases.CONVERSION);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    private static String sourceName(String file) {
        return file.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static Jenkinsfile build(String text, String file) {
        CompilationUnit unit = new CompilationUnit(CONFIG, null, null, TRANSFORMS);
        SourceUnit source = unit.addSource(sourceName(file), text);
        try {
            unit.compile(Phases.CONVERSION);
        } catch (MultipleCompilationErrorsException e) {
            return Jenkinsfile.unreadable(file, text, problems(e));
        } catch (RuntimeException e) {
            return Jenkinsfile.unreadable(
                    file,
                    text,
                    List.of(new Jenkinsfile.Problem(
                            Position.START,
                            "the Groovy compiler cannot read the file: " + firstLine(e.getMessage()),
                            "fix the Groovy syntax")));
        }
        ModuleNode module = source.getAST();
        List<Node> top = Declarations.nodes(module.getStatementBlock());
        List<Pipeline> pipelines = top.stream()
                .filter(n -> n.isCall() && n.name().equals("pipeline"))
                .map(Declarations::pipeline)
                .toList();
        CallCollector collector = new CallCollector(CallCollector.environmentSecrets(module.getStatementBlock()));
        module.getStatementBlock().visit(collector);
        Set<String> local = new HashSet<>(collector.declared);
        List<Jenkinsfile.Annotation> annotations = new ArrayList<>(collector.annotations);
        for (MethodNode m : module.getMethods()) {
            local.add(m.getName());
            m.getAnnotations().forEach(a -> annotations.add(CallCollector.annotation(a)));
            if (m.getCode() != null) {
                collector.walkHelper(m.getCode());
            }
        }
        for (ImportNode i : module.getImports()) {
            i.getAnnotations().forEach(a -> annotations.add(CallCollector.annotation(a)));
        }
        for (ClassNode c : module.getClasses()) {
            if (c.isScript()) {
                continue;
            }
            local.add(c.getNameWithoutPackage());
            c.getAnnotations().forEach(a -> annotations.add(CallCollector.annotation(a)));
            for (MethodNode m : c.getMethods()) {
                if (m.getCode() != null) {
                    collector.walkHelper(m.getCode());
                }
            }
        }
        annotations.sort((a, b) -> a.position().line() != b.position().line()
                ? Integer.compare(a.position().line(), b.position().line())
                : Integer.compare(a.position().column(), b.position().column()));
        return new Jenkinsfile(
                file,
                text,
                kind(top, pipelines, !module.getMethods().isEmpty()),
                top,
                pipelines,
                collector.calls,
                annotations,
                local,
                collector.paramRefs,
                collector.endlessLoops,
                List.of());
    }

    /**
     * Declarative with a {@code pipeline} block; scripted with top-level block steps, or with methods
     * and nothing else (a shared library's {@code vars/*.groovy}); else neither.
     */
    private static Jenkinsfile.Kind kind(List<Node> top, List<Pipeline> pipelines, boolean methods) {
        if (!pipelines.isEmpty()) {
            return Jenkinsfile.Kind.DECLARATIVE;
        }
        boolean blocks = top.stream().anyMatch(n -> n.isCall() && n.hasBody());
        return blocks || methods && top.isEmpty() ? Jenkinsfile.Kind.SCRIPTED : Jenkinsfile.Kind.NONE;
    }

    private static List<Jenkinsfile.Problem> problems(MultipleCompilationErrorsException e) {
        List<Jenkinsfile.Problem> out = new ArrayList<>();
        for (Message m : e.getErrorCollector().getErrors()) {
            if (m instanceof SyntaxErrorMessage s) {
                SyntaxException x = s.getCause();
                out.add(new Jenkinsfile.Problem(
                        new Position(Math.max(1, x.getStartLine()), Math.max(1, x.getStartColumn())),
                        "Groovy syntax error: " + readable(x.getOriginalMessage()),
                        "fix the Groovy syntax at this position"));
            }
        }
        if (out.isEmpty()) {
            out.add(new Jenkinsfile.Problem(
                    Position.START,
                    "the Groovy compiler cannot read the file: " + firstLine(e.getMessage()),
                    "fix the Groovy syntax"));
        }
        return out;
    }

    /** Groovy's message without its trailing "@ line x, column y." (the finding has the position). */
    private static String readable(String message) {
        String m = firstLine(message)
                .replaceAll("\\s*@ line \\d+, column \\d+\\.?$", "")
                .strip();
        m = m.isEmpty() ? "unexpected input" : printable(m);
        return Character.toLowerCase(m.charAt(0)) + m.substring(1).replaceAll("\\.$", "");
    }

    /** Control characters of garbage input shown as {@code \\u0001}, so messages stay one readable line. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }

    /** Size and nesting, checked on the raw text before the parser (whose recursion follows the nesting) sees it. */
    static List<Jenkinsfile.Problem> limits(String text) {
        if (text.length() > MAX_CHARS) {
            return List.of(new Jenkinsfile.Problem(
                    Position.START,
                    String.format(
                            Locale.ROOT,
                            "the file has %.1f MB of text; a Jenkinsfile is read up to %d MB",
                            text.length() / (1024.0 * 1024),
                            MAX_CHARS / (1024 * 1024)),
                    "split the pipeline, or move large data out of the Jenkinsfile"));
        }
        return Nesting.tooDeep(text, MAX_DEPTH)
                .map(at -> List.of(new Jenkinsfile.Problem(
                        at,
                        "the file nests brackets, braces or parentheses more than " + MAX_DEPTH + " levels deep",
                        "flatten the nesting, e.g. move inner blocks into functions")))
                .orElse(List.of());
    }

    private static CompilerConfiguration configuration() {
        CompilerConfiguration c = new CompilerConfiguration();
        c.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        c.setTolerance(10);
        return c;
    }

    /** Hides every global AST transformation from the compiler: parsing must not run code. */
    private static final class NoTransformsLoader extends groovy.lang.GroovyClassLoader {
        NoTransformsLoader() {
            super(JenkinsfileReader.class.getClassLoader(), CONFIG);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.contains("org.codehaus.groovy.transform.ASTTransformation")
                    ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    }
}
