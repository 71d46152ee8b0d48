package org.runbook.coauthor.author.offline;

/**
 * A block and how well it fits a piece of request text.
 *
 * @param score the combined score in [0, 1] used for ranking and confidence
 * @param lexical share of the text's vocabulary the block covers
 * @param semantic cosine similarity of sentence embeddings
 */
public record Candidate(Block block, double score, double lexical, double semantic) {
    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT, "%s (%.2f: lexical %.2f, semantic %.2f)", block.id(), score, lexical, semantic);
    }
}
