package org.runbook.coauthor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.runbook.coauthor.batch.BatchEntry;
import org.runbook.coauthor.batch.RequestsFile;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.jenkins.Jenkinsfiles;

/**
 * The jobs in samples/jobs and the pipelines in samples/jenkins are what the co-author generates
 * today for samples/requests.yaml. Regenerate them with {@code -Dcoauthor.updateSamples=true} after a
 * catalog or renderer change.
 */
class SamplesTest {
    private static final Path SAMPLES = Path.of("../samples");
    private static final CoAuthor COAUTHOR = CoAuthor.offline();

    static Stream<BatchEntry> entries() {
        return RequestsFile.read(SAMPLES.resolve("requests.yaml")).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void should_match_the_committed_sample_job(BatchEntry entry) throws IOException {
        GenerationResult result = COAUTHOR.generate(GenerationRequest.builder()
                .text(entry.request())
                .category(entry.category())
                .target(entry.target())
                .build());
        Path file = SAMPLES.resolve("jobs").resolve(entry.id() + ".yaml");
        if (!result.ok()) {
            assertTrue(Files.notExists(file), "a failed generation has no sample job: " + file);
            return;
        }
        if (Boolean.getBoolean("coauthor.updateSamples")) {
            Files.writeString(file, result.artifact());
        }
        assertEquals(
                Files.readString(file),
                result.artifact(),
                file + " is stale; run mvn verify -Dcoauthor.updateSamples=true");
    }

    /**
     * The Jenkinsfile of every request that yields a Rundeck job: the same plan, rendered for Jenkins,
     * must pass the Jenkinsfile validator and dry-run too, and is kept as a sample.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void should_match_the_committed_sample_pipeline(BatchEntry entry) throws IOException {
        GenerationResult rundeck = COAUTHOR.generate(GenerationRequest.builder()
                .text(entry.request())
                .category(entry.category())
                .build());
        GenerationResult jenkins = COAUTHOR.generate(GenerationRequest.builder()
                .text(entry.request())
                .category(entry.category())
                .target(Target.JENKINS)
                .build());
        Path file = SAMPLES.resolve("jenkins").resolve(entry.id() + ".Jenkinsfile");
        if (!rundeck.ok()) {
            assertTrue(Files.notExists(file), "a failed generation has no sample pipeline: " + file);
            return;
        }
        assertTrue(jenkins.ok(), "the pipeline has error findings: " + jenkins.findings());
        assertNotNull(jenkins.transcript(), "a generated pipeline is dry-run");
        if (Boolean.getBoolean("coauthor.updateSamples")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, jenkins.artifact());
        }
        assertEquals(
                Files.readString(file),
                jenkins.artifact(),
                file + " is stale; run mvn verify -Dcoauthor.updateSamples=true");
        assertEquals(rundeck.plan(), jenkins.plan(), "one plan, two renderings");
        Jenkinsfiles.assertSound(jenkins.artifact(), file.toString());
    }

    @org.junit.jupiter.api.Test
    void should_keep_no_sample_that_no_request_produces() {
        List<String> ids = entries().map(BatchEntry::id).toList();
        for (String dir : List.of("jobs", "jenkins")) {
            try (Stream<Path> files = Files.list(SAMPLES.resolve(dir))) {
                // Sub-directories hold hand-written sets (samples/jenkins/conformance), not generated samples.
                files.filter(Files::isRegularFile)
                        .forEach(f -> assertTrue(
                                ids.contains(f.getFileName().toString().replaceAll("\\.(yaml|Jenkinsfile)$", "")),
                                "no request in samples/requests.yaml produces " + f));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
