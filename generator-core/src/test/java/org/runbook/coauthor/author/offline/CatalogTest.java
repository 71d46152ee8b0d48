package org.runbook.coauthor.author.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.RundeckJobRenderer;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;

/** The bundled catalog: coverage, and every block rendered into a job whose shell is sound. */
class CatalogTest {
    private static final Pattern SCRIPT_TOKEN = Pattern.compile("@option\\.([a-zA-Z0-9_.-]+)@");
    private static final Pattern EXEC_REF = Pattern.compile("\\$\\{option\\.([a-zA-Z0-9_.-]+)}");
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = CatalogLoader.bundled();
    }

    static Stream<Block> blocks() {
        return CatalogLoader.bundled().blocks().stream();
    }

    @Test
    void should_hold_at_least_120_blocks_across_the_eleven_categories() {
        assertTrue(catalog.blocks().size() >= 120, "blocks: " + catalog.blocks().size());
        assertEquals(11, catalog.categories().size());
        catalog.blockCounts().forEach((category, count) -> assertTrue(count >= 10, category + ": " + count));
    }

    @Test
    void should_give_every_block_a_unique_id_and_three_example_phrasings() {
        Set<String> ids = new HashSet<>();
        for (Block b : catalog.blocks()) {
            assertTrue(ids.add(b.id()), "duplicate id " + b.id());
            assertTrue(b.examples().size() >= 3, b.id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void should_render_every_block_into_a_job_the_validator_accepts(Block block) {
        String job = render(block);
        List<Finding> findings = new Validator().validate(job, block.id() + ".yaml");
        assertEquals(List.of(), findings, job);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void should_render_shell_that_passes_bash_syntax_and_shellcheck(Block block, @TempDir Path dir) throws Exception {
        Map<String, String> samples = samples(block);
        int n = 0;
        for (String shell : shellOf(render(block), samples)) {
            Path file = dir.resolve("step" + n++ + ".sh");
            Files.writeString(file, shell, StandardCharsets.UTF_8);
            assertRuns(List.of("bash", "-n", file.toString()), block.id(), shell);
            if (shellcheckInstalled()) {
                assertRuns(List.of("shellcheck", "-s", "bash", "-S", "warning", file.toString()), block.id(), shell);
            }
        }
    }

    private static String render(Block block) {
        ParsedRequest request = RequestParser.parse(block.title());
        Selection selection = new Selection(new Candidate(block, 1, 1, 1), block.title());
        return new RundeckJobRenderer()
                .render(new PlanAssembler(List.of())
                        .assemble(List.of(selection), request, block.category(), Target.RUNDECK));
    }

    /** Every exec line and script of the job, with option values replaced by samples of their type. */
    private static List<String> shellOf(String job, Map<String, String> samples) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(job);
        List<String> out = new ArrayList<>();
        for (JsonNode step : root.path(0).path("sequence").path("commands")) {
            if (step.has("script")) {
                out.add(expandTokens(step.get("script").asText(), samples));
            } else if (step.has("exec")) {
                out.add("#!/usr/bin/env bash\n"
                        + replace(EXEC_REF, step.get("exec").asText(), samples) + "\n");
            }
        }
        return out;
    }

    /** Expands inline-script tokens with Rundeck's own reader, as Rundeck does before copying a script. */
    static String expandTokens(String script, Map<String, String> values) {
        Map<String, String> tokens = new HashMap<>();
        values.forEach((k, v) -> tokens.put("option." + k, v));
        try (java.io.Reader reader = new com.dtolabs.rundeck.core.dispatcher.ReplaceTokenReader(
                new java.io.StringReader(script), tokens, true, '@', '@')) {
            StringBuilder out = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1) {
                out.append((char) c);
            }
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String replace(Pattern pattern, String text, Map<String, String> samples) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(samples.getOrDefault(m.group(1), "sample")));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> samples(Block block) {
        Map<String, String> out = new HashMap<>();
        out.put("hostname", "web01");
        out.put("nodes", "web01,web02");
        out.put("confirm", "yes");
        for (BlockParam p : block.params()) {
            String sample = p.defaultValue() != null
                    ? p.defaultValue()
                    : !p.values().isEmpty() ? p.values().get(0) : p.type().sample();
            out.put(p.name(), sample);
        }
        return out;
    }

    private static boolean shellcheckInstalled() {
        try {
            return new ProcessBuilder("shellcheck", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void assertRuns(List<String> command, String id, String shell) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), id + ": " + command.get(0) + " says:\n" + output + "\n---\n" + shell);
    }
}
