package org.runbook.coauthor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Enforces the package rules written in docs/architecture.md against the real imports. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/runbook/coauthor");
    private static final Path DOC = Path.of("../docs/architecture.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\|(.*)\\|\\s*$");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);
    private static final String ROOT = "org.runbook.coauthor.";

    @Test
    void should_import_only_the_packages_docs_architecture_allows() throws IOException {
        Map<String, Set<String>> allowed = allowedEdges();
        List<String> violations = new ArrayList<>();
        forEachSource((pkg, file, text) -> {
            String from = owner(pkg, allowed);
            assertTrue(from != null, "package " + pkg + " has no row in docs/architecture.md");
            for (String imported : ourImports(text)) {
                String to = owner(imported, allowed);
                if (to != null
                        && !to.equals(from)
                        && !isParent(to, from)
                        && !allowed.get(from).contains(to)) {
                    violations.add(file + ": " + from + " imports " + imported);
                }
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void should_keep_the_allowed_edges_free_of_cycles() throws IOException {
        Map<String, Set<String>> allowed = allowedEdges();
        for (String start : allowed.keySet()) {
            assertTrue(!reaches(allowed, start, start, new HashSet<>()), "cycle through " + start);
        }
    }

    @Test
    void should_import_langchain4j_only_in_the_llm_author_and_the_embedder() throws IOException {
        List<String> violations = new ArrayList<>();
        forEachSource((pkg, file, text) -> {
            boolean allowedHere = pkg.startsWith(ROOT + "author.llm") || file.endsWith("SentenceEmbedder.java");
            if (text.contains("import dev.langchain4j") && !allowedHere) {
                violations.add(file.toString());
            }
            if ((pkg.equals(ROOT + "plan") || pkg.startsWith(ROOT + "api")) && text.contains("import com.fasterxml")) {
                violations.add(file + " (Jackson in the public API)");
            }
            if (text.contains("import com.dtolabs") && !pkg.contains(".dryrun")) {
                violations.add(file + " (rundeck-core outside dryrun)");
            }
        });
        assertEquals(List.of(), violations);
    }

    interface SourceVisitor {
        void visit(String pkg, Path file, String text) throws IOException;
    }

    private static void forEachSource(SourceVisitor visitor) throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE)
                        .matcher(text);
                assertTrue(m.find(), "no package in " + f);
                visitor.visit(m.group(1), f, text);
            }
        }
    }

    private static Set<String> ourImports(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            if (m.group(1).startsWith(ROOT)) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The most specific table row that owns a package ({@code author.offline} → {@code author}). */
    private static String owner(String pkg, Map<String, Set<String>> allowed) {
        if (!pkg.startsWith(ROOT)) {
            return null;
        }
        String rel = pkg.substring(ROOT.length());
        while (!allowed.containsKey(rel)) {
            int dot = rel.lastIndexOf('.');
            if (dot < 0) {
                return null;
            }
            rel = rel.substring(0, dot);
        }
        return rel;
    }

    private static boolean isParent(String to, String from) {
        return from.startsWith(to + ".");
    }

    private static boolean reaches(Map<String, Set<String>> g, String from, String target, Set<String> seen) {
        for (String next : g.getOrDefault(from, Set.of())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(g, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Set<String>> allowedEdges() throws IOException {
        Map<String, Set<String>> edges = new HashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> to = new HashSet<>();
                Matcher t = Pattern.compile("`([a-z.]+)`").matcher(m.group(2));
                while (t.find()) {
                    to.add(t.group(1));
                }
                edges.put(m.group(1), to);
            }
        }
        assertTrue(edges.containsKey("plan") && edges.containsKey("cli"), "no package table in " + DOC);
        return edges;
    }
}
