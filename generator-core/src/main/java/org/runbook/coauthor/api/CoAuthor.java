package org.runbook.coauthor.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.NoConfidentMatchException;
import org.runbook.coauthor.author.offline.Catalog;
import org.runbook.coauthor.author.offline.CatalogLoader;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.dryrun.DryRun;
import org.runbook.coauthor.dryrun.DryRunOptions;
import org.runbook.coauthor.dryrun.DryRunResult;
import org.runbook.coauthor.dryrun.Transcript;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.Renderer;
import org.runbook.coauthor.render.RundeckJobRenderer;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.RequestScreen;
import org.runbook.coauthor.validate.Validator;

/**
 * The library facade and the one place the pipeline lives: screen the request, draft a plan,
 * render it, validate the rendered text. A result with an error finding is never {@code OK}.
 *
 * <pre>{@code
 * CoAuthor coauthor = CoAuthor.offline();
 * GenerationResult result = coauthor.generate(GenerationRequest.builder().text("Restart nginx").build());
 * }</pre>
 *
 * Thread-safe: one instance serves a whole batch.
 */
public final class CoAuthor {
    private final Author author;
    private final Map<Target, Renderer> renderers;
    private final Validator validator;
    private final Catalog catalog;

    private CoAuthor(Author author, Catalog catalog, List<Renderer> renderers) {
        this.author = author;
        this.catalog = catalog;
        this.renderers = new EnumMap<>(Target.class);
        renderers.forEach(r -> this.renderers.put(r.target(), r));
        this.validator = new Validator();
    }

    /** The co-author with the offline author over the bundled catalog. */
    public static CoAuthor offline() {
        OfflineAuthor offline = OfflineAuthor.bundled();
        return new CoAuthor(offline, offline.catalog(), List.of(new RundeckJobRenderer()));
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The bundled catalog's categories, without loading the embedding model. */
    public static List<CategoryInfo> categories() {
        Catalog catalog = CatalogLoader.bundled();
        var counts = catalog.blockCounts();
        return catalog.categories().stream()
                .map(c -> new CategoryInfo(c.name(), counts.get(c.name()), c.guidance(), c.examples()))
                .toList();
    }

    public String authorName() {
        return author.name();
    }

    public List<Target> targets() {
        return List.copyOf(renderers.keySet());
    }

    public GenerationResult generate(GenerationRequest request) {
        long start = System.nanoTime();
        List<Finding> screened = RequestScreen.screen(request.text());
        if (screened.stream().anyMatch(Finding::isError)) {
            return result(
                    GenerationStatus.REFUSED,
                    request,
                    null,
                    null,
                    screened,
                    List.of(),
                    "refused: " + screened.get(0).message(),
                    start);
        }
        Renderer renderer = renderers.get(request.target());
        if (renderer == null) {
            throw new NonRetriableException("target \"" + request.target() + "\" is not available yet; available"
                    + " targets are " + targets());
        }
        RunbookPlan plan;
        try {
            plan = author.draft(request);
        } catch (NoConfidentMatchException e) {
            return result(
                    GenerationStatus.NO_MATCH, request, null, null, List.of(), e.nearest(), e.getMessage(), start);
        }
        String artifact = renderer.render(plan);
        String file = fileName(plan, renderer);
        List<Finding> findings = new ArrayList<>(validator.validate(artifact, file));
        // The same dry-run an operator would run, with sample values and nodes made to match the filter.
        DryRunResult dryRun = new DryRun(DryRunOptions.builder().sampleNodes(true).build()).run(artifact, file);
        findings.addAll(dryRun.findings());
        findings.sort(Finding.ORDER);
        boolean errors = findings.stream().anyMatch(Finding::isError);
        return new GenerationResult(errors ? GenerationStatus.INVALID : GenerationStatus.OK, request, artifact, plan,
                findings, List.of(), Transcript.text(dryRun),
                errors ? "the generated job has error findings; do not import it" : "ok", elapsed(start));
    }

    private static String fileName(RunbookPlan plan, Renderer renderer) {
        return plan.name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(java.util.Locale.ROOT)
                + renderer.fileExtension();
    }

    private static GenerationResult result(
            GenerationStatus status,
            GenerationRequest request,
            String artifact,
            RunbookPlan plan,
            List<Finding> findings,
            List<String> nearest,
            String message,
            long start) {
        return new GenerationResult(status, request, artifact, plan, findings, nearest, null, message, elapsed(start));
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
