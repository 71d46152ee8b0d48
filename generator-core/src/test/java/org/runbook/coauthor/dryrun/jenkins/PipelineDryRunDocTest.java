package org.runbook.coauthor.dryrun.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;

/**
 * docs/dryrun.md shows, for each DR1xx id, an example Jenkinsfile and the exact findings, and one
 * full transcript. This test runs every example and fails when the doc is stale;
 * {@code -Dcoauthor.updateDocs=true} rewrites the outputs. An example's first line
 * {@code // dry-run: -P NAME=VALUE ...} gives parameters.
 */
class PipelineDryRunDocTest {
    private static final Path DOC = Path.of("../docs/dryrun.md");
    private static final Pattern EXAMPLE = Pattern.compile(
            "```groovy\\n(?<code>.*?)```\\n\\n(?<kind>Output|Transcript):\\n\\n```text\\n(?<out>.*?)```",
            Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("-P (\\w+)=(\\S+)");

    @Test
    void should_show_the_real_dry_run_output_for_every_example() throws IOException {
        String doc = Files.readString(DOC);
        Matcher m = EXAMPLE.matcher(doc);
        StringBuilder updated = new StringBuilder();
        List<String> stale = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int count = 0;
        while (m.find()) {
            count++;
            String code = m.group("code");
            PipelineDryRunResult r = new PipelineDryRun(PipelineDryRunOptions.builder()
                            .params(params(code))
                            .timeBudget(Duration.ofSeconds(1))
                            .build())
                    .run(code, "Jenkinsfile");
            String actual = m.group("kind").equals("Transcript")
                    ? r.text()
                    : r.findings().stream().map(Finding::toString).collect(Collectors.joining("\n")) + "\n";
            r.findings().forEach(f -> ids.add(f.ruleId()));
            if (!actual.equals(m.group("out"))) {
                stale.add("example " + count + ":\nexpected\n" + m.group("out") + "actual\n" + actual);
            }
            m.appendReplacement(
                    updated,
                    Matcher.quoteReplacement(
                            "```groovy\n" + code + "```\n\n" + m.group("kind") + ":\n\n```text\n" + actual + "```"));
        }
        m.appendTail(updated);
        assertTrue(count > 0, "no examples in " + DOC);
        if (Boolean.getBoolean("coauthor.updateDocs")) {
            Files.writeString(DOC, updated.toString());
            return;
        }
        assertEquals(List.of(), stale, "docs/dryrun.md is stale; run with -Dcoauthor.updateDocs=true");
        for (String id : ids) {
            assertTrue(doc.contains("## " + id + ":"), id + " has no section in docs/dryrun.md");
        }
    }

    private static Map<String, String> params(String code) {
        Map<String, String> out = new LinkedHashMap<>();
        String first = code.lines().findFirst().orElse("");
        if (first.startsWith("// dry-run:")) {
            Matcher p = PARAM.matcher(first);
            while (p.find()) {
                out.put(p.group(1), p.group(2));
            }
        }
        return out;
    }
}
