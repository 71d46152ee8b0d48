package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Ranks catalog blocks for a piece of request text by combining word overlap with sentence-embedding
 * similarity, so a paraphrase that shares no keyword with a block still finds it, and a precise
 * tool name ("pg_dump") still wins over a vaguely similar sentence.
 */
public final class Retriever {
    /** Weight of the semantic score; the rest is lexical. */
    static final double SEMANTIC_WEIGHT = 0.6;
    /** Share of the semantic score that stands in for missing word overlap. */
    static final double PARAPHRASE_CREDIT = 0.8;
    /** Added when the block belongs to the category the operator picked. */
    static final double CATEGORY_BONUS = 0.08;

    private final Catalog catalog;
    private final LexicalIndex searchIndex;
    private final LexicalIndex workIndex;
    private final EmbeddingIndex embeddings;

    /** Immutable after construction, so one instance serves every author in the process. */
    private static final class Bundled {
        static final Retriever INSTANCE = new Retriever(CatalogLoader.bundled());
    }

    /** The retriever over the bundled catalog, loaded once per process (catalog files and embedding index). */
    public static Retriever bundled() {
        return Bundled.INSTANCE;
    }

    public Retriever(Catalog catalog) {
        this.catalog = catalog;
        this.searchIndex = new LexicalIndex(catalog.blocks(), Block::searchTexts);
        this.workIndex = new LexicalIndex(catalog.blocks(), Block::workTexts);
        this.embeddings = EmbeddingIndex.forCatalog(catalog);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** All blocks ranked for {@code text}, best first; ties are broken by block id for determinism. */
    public List<Candidate> rank(String text, String category) {
        return rank(text, category, Set.of());
    }

    /**
     * Like {@link #rank(String, String)}, leaving {@code ignoredTerms} out of the word overlap: in
     * "dump the database, then upload the dump to S3", the second "dump" only refers back.
     */
    List<Candidate> rank(String text, String category, Set<String> ignoredTerms) {
        double[] lexical = searchIndex.scores(text, ignoredTerms);
        double[] semantic = embeddings.scores(SentenceEmbedder.embed(text));
        List<Candidate> out = new ArrayList<>(lexical.length);
        for (int i = 0; i < lexical.length; i++) {
            Block block = catalog.blocks().get(i);
            double sem = Math.max(0, semantic[i]);
            // Few shared words must not sink a block whose meaning fits: a paraphrase is credited
            // with most of its semantic score in place of the word overlap it lacks.
            double words = Math.max(lexical[i], PARAPHRASE_CREDIT * sem);
            double score = SEMANTIC_WEIGHT * sem + (1 - SEMANTIC_WEIGHT) * words;
            if (category != null && block.category().equalsIgnoreCase(category)) {
                score += CATEGORY_BONUS;
            }
            out.add(new Candidate(block, Math.min(1, score), lexical[i], sem));
        }
        out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(c -> c.block()
                .id()));
        return out;
    }

    /** Share of {@code text}'s vocabulary found in what {@code block} does (title, description, steps). */
    double workCoverage(Block block, String text, Set<String> ignoredTerms) {
        return workIndex.score(catalog.blocks().indexOf(block), text, ignoredTerms);
    }
}
