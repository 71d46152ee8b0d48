package org.runbook.coauthor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * docs/rules.md shows, for each rule, an example job and the exact validator output for it. This
 * test runs every example and fails when the doc is stale; {@code -Dcoauthor.updateDocs=true}
 * rewrites the outputs.
 */
class RulesDocTest {
    private static final Path DOCS = Path.of("../docs/rules");
    /** An example: a fenced yaml block (a Rundeck job) or groovy block (a Jenkinsfile), then a fenced text block with the output. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "```(?<lang>yaml|groovy)\\n(?<job>.*?)```\\n\\nOutput:\\n\\n```text\\n(?<out>.*?)```", Pattern.DOTALL);

    static java.util.stream.Stream<Path> docs() throws IOException {
        try (java.util.stream.Stream<Path> s = Files.list(DOCS)) {
            return s.filter(p -> p.toString().endsWith(".md")).sorted().toList().stream();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("docs")
    void should_show_the_real_validator_output_for_every_example(Path doc0) throws IOException {
        final Path DOC = doc0;
        String doc = Files.readString(DOC);
        Matcher m = EXAMPLE.matcher(doc);
        StringBuilder updated = new StringBuilder();
        int count = 0;
        List<String> stale = new java.util.ArrayList<>();
        while (m.find()) {
            count++;
            String actual = new Validator()
                            .validate(m.group("job"), m.group("lang").equals("groovy") ? "Jenkinsfile" : "example.yaml")
                            .stream()
                            .map(Finding::toString)
                            .collect(Collectors.joining("\n"));
            actual = actual.isEmpty() ? "(no findings)\n" : actual + "\n";
            if (!actual.equals(m.group("out"))) {
                stale.add("example " + count + ":\nexpected\n" + m.group("out") + "actual\n" + actual);
            }
            m.appendReplacement(
                    updated,
                    Matcher.quoteReplacement("```" + m.group("lang") + "\n" + m.group("job")
                            + "```\n\nOutput:\n\n```text\n" + actual + "```"));
        }
        m.appendTail(updated);
        assertTrue(count > 0, "no examples in " + DOC);
        if (Boolean.getBoolean("coauthor.updateDocs")) {
            Files.writeString(DOC, updated.toString());
            return;
        }
        assertEquals(List.of(), stale, "docs/rules.md is stale; run with -Dcoauthor.updateDocs=true");
    }
}
