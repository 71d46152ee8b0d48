package org.runbook.coauthor.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.author.Author;
import org.runbook.coauthor.author.InstalledSteps;
import org.runbook.coauthor.author.NoConfidentMatchException;
import org.runbook.coauthor.author.RepairingAuthor;
import org.runbook.coauthor.author.offline.Catalog;
import org.runbook.coauthor.author.offline.CatalogLoader;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.dryrun.ArtifactCheck;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.render.Renderer;
import org.runbook.coauthor.render.RundeckJobRenderer;
import org.runbook.coauthor.render.jenkins.JenkinsPipelineRenderer;
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
    private final ArtifactCheck check;
    private final Catalog catalog;
    private final int maxRepairRounds;

    private CoAuthor(Author author, Catalog catalog, List<Renderer> renderers, int maxRepairRounds) {
        this.author = author;
        this.maxRepairRounds = maxRepairRounds;
        this.catalog = catalog;
        this.renderers = new EnumMap<>(Target.class);
        renderers.forEach(r -> this.renderers.put(r.target(), r));
        this.check = new ArtifactCheck(new Validator());
    }

    /** The co-author with the offline author over the bundled catalog. */
    public static CoAuthor offline() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link CoAuthor}: the offline author unless another is given.
     *
     * <pre>{@code
     * CoAuthor coauthor = CoAuthor.builder().author(myAuthor).maxRepairRounds(2).build();
     * }</pre>
     */
    public static final class Builder {
        private Author author;
        private int maxRepairRounds = 2;

        private Builder() {}

        public Builder author(Author value) {
            this.author = value;
            return this;
        }

        /** Rounds of validate-and-repair for authors that can repair (default 2). */
        public Builder maxRepairRounds(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxRepairRounds must be 0 or more, was " + value);
            }
            this.maxRepairRounds = value;
            return this;
        }

        public CoAuthor build() {
            OfflineAuthor offline = OfflineAuthor.bundled();
            return new CoAuthor(
                    author == null ? offline : author,
                    offline.catalog(),
                    List.of(new RundeckJobRenderer(), new JenkinsPipelineRenderer()),
                    maxRepairRounds);
        }
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
            plan = InstalledSteps.prefer(author.draft(request), request);
        } catch (NoConfidentMatchException e) {
            return result(
                    GenerationStatus.NO_MATCH, request, null, null, List.of(), e.nearest(), e.getMessage(), start);
        }
        Checked checked = check(plan, renderer);
        int rounds = 0;
        while (checked.hasErrors() && author instanceof RepairingAuthor repairing && rounds < maxRepairRounds) {
            rounds++;
            List<String> lines = checked.findings().stream()
                    .filter(Finding::isError)
                    .map(Finding::toString)
                    .toList();
            plan = InstalledSteps.prefer(repairing.repair(request, plan, checked.artifact(), lines, rounds), request);
            checked = check(plan, renderer);
        }
        boolean errors = checked.hasErrors();
        String message = errors
                ? "the generated job has error findings" + (rounds > 0 ? " after " + rounds + " repair round(s)" : "")
                        + "; do not import it"
                : rounds > 0 ? "ok after " + rounds + " repair round(s)" : "ok";
        return new GenerationResult(
                errors ? GenerationStatus.INVALID : GenerationStatus.OK,
                request,
                checked.artifact(),
                plan,
                checked.findings(),
                List.of(),
                checked.transcript(),
                message,
                elapsed(start));
    }

    /** The rendered artifact of a plan, its findings (validator and dry-run) and the dry-run transcript. */
    private record Checked(String artifact, List<Finding> findings, String transcript) {
        boolean hasErrors() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    private Checked check(RunbookPlan plan, Renderer renderer) {
        String artifact = renderer.render(plan);
        // The same check an operator's import or the Jenkins wizard runs: rules, then the dry-run.
        ArtifactCheck.Outcome outcome = check.check(artifact, fileName(plan, renderer));
        return new Checked(artifact, outcome.findings(), outcome.transcript());
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
