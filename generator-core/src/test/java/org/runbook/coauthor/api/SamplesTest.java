package org.runbook.coauthor.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The jobs in samples/jobs are what the co-author generates today for samples/requests.yaml.
 * Regenerate them with {@code -Dcoauthor.updateSamples=true} after a catalog or renderer change.
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

    @org.junit.jupiter.api.Test
    void should_keep_no_sample_job_that_no_request_produces() {
        List<String> ids = entries().map(BatchEntry::id).toList();
        try (Stream<Path> files = Files.list(SAMPLES.resolve("jobs"))) {
            files.forEach(f -> assertTrue(
                    ids.contains(f.getFileName().toString().replace(".yaml", "")),
                    "no request in samples/requests.yaml produces " + f));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
