package org.runbook.coauthor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.validate.report.FindingsFormat;

/**
 * Runs a batch with bounded concurrency. Each entry's artifact goes to {@code DIR/<id>.yaml} (or
 * {@code .Jenkinsfile}) and one line per entry to {@code DIR/results.jsonl}, flushed in input order
 * as soon as it is known, so an interrupted batch keeps what finished. One bad entry never stops it.
 */
public final class BatchRunner {
    /** Told about each finished entry, in input order. */
    public interface Listener {
        void finished(int done, int total, BatchOutcome outcome);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<GenerationRequest, GenerationResult> generator;

    public BatchRunner(CoAuthor coauthor) {
        this(coauthor::generate);
    }

    BatchRunner(Function<GenerationRequest, GenerationResult> generator) {
        this.generator = generator;
    }

    public List<BatchOutcome> run(List<BatchEntry> entries, Path outDir, int parallel, Listener listener)
            throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), r -> {
            Thread t = new Thread(r, "coauthor-batch");
            t.setDaemon(true);
            return t;
        });
        List<BatchOutcome> outcomes = new ArrayList<>();
        try (BufferedWriter results =
                Files.newBufferedWriter(outDir.resolve("results.jsonl"), StandardCharsets.UTF_8)) {
            List<Future<BatchOutcome>> futures = new ArrayList<>();
            for (BatchEntry entry : entries) {
                futures.add(pool.submit(() -> one(entry, outDir)));
            }
            for (int i = 0; i < futures.size(); i++) {
                BatchOutcome outcome = await(futures.get(i), entries.get(i));
                outcomes.add(outcome);
                results.write(line(outcome));
                results.newLine();
                results.flush();
                listener.finished(i + 1, entries.size(), outcome);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    private BatchOutcome one(BatchEntry entry, Path outDir) throws IOException {
        long start = System.nanoTime();
        try {
            GenerationRequest request = GenerationRequest.builder()
                    .text(entry.request())
                    .category(entry.category())
                    .target(entry.target())
                    .build();
            GenerationResult result = generator.apply(request);
            String file = null;
            if (result.artifact() != null && result.ok()) {
                file = entry.id() + (entry.target() == Target.JENKINS ? ".Jenkinsfile" : ".yaml");
                Files.writeString(outDir.resolve(file), result.artifact(), StandardCharsets.UTF_8);
            }
            return new BatchOutcome(entry, result, null, file, elapsed(start));
        } catch (IllegalArgumentException | CoauthorException e) {
            return new BatchOutcome(entry, null, e.getMessage(), null, elapsed(start));
        }
    }

    private static BatchOutcome await(Future<BatchOutcome> future, BatchEntry entry) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new BatchOutcome(entry, null, "internal failure: " + cause, null, 0);
        }
    }

    static String line(BatchOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.entry().id());
        m.put("ok", o.ok());
        m.put("status", o.result() == null ? "error" : o.result().status().toString());
        m.put("artifact", o.artifactFile());
        m.put(
                "findings",
                o.result() == null
                        ? List.of()
                        : o.result().findings().stream()
                                .map(FindingsFormat::fields)
                                .toList());
        if (o.error() != null || (o.result() != null && !o.result().ok())) {
            m.put("error", o.error() != null ? o.error() : o.result().message());
        }
        if (o.result() != null && o.result().plan() != null) {
            var p = o.result().plan().provenance();
            Map<String, Object> prov = new LinkedHashMap<>();
            prov.put("author", p.author());
            if (p.model() != null) {
                prov.put("model", p.model());
            }
            if (p.promptHash() != null) {
                prov.put("promptHash", p.promptHash());
            }
            prov.put("blocks", p.blocks());
            prov.put("notes", p.notes());
            m.put("provenance", prov);
        }
        m.put("millis", o.millis());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a results line always serializes", e);
        }
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
