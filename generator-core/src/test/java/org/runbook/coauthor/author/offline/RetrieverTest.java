package org.runbook.coauthor.author.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class RetrieverTest {
    private static Retriever retriever;

    @BeforeAll
    static void load() {
        retriever = new Retriever(CatalogLoader.bundled());
    }

    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> paraphrases() throws IOException {
        try (InputStream in = RetrieverTest.class.getResourceAsStream("/retrieval/paraphrases.yaml")) {
            return ((List<Map<String, Object>>) new Load(LoadSettings.builder().build()).loadFromInputStream(in))
                    .stream();
        }
    }

    /**
     * A quality floor, not a per-request contract: the embedding model cannot tell every near pair
     * apart ("block" and "unblock" an address), and the eval suite tracks the rest.
     */
    @Test
    void should_choose_the_intended_block_for_most_held_out_paraphrases() throws IOException {
        OfflineAuthor author = new OfflineAuthor(retriever);
        List<Map<String, Object>> rows = paraphrases().toList();
        List<String> misses = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            String request = (String) row.get("request");
            String chosen;
            try {
                chosen = author.draft(org.runbook.coauthor.plan.GenerationRequest.builder()
                                .text(request)
                                .build())
                        .provenance()
                        .blocks()
                        .get(0);
            } catch (org.runbook.coauthor.author.NoConfidentMatchException e) {
                chosen = "no match";
            }
            if (!chosen.equals(row.get("expect"))) {
                misses.add(request + " -> " + chosen + " (expected " + row.get("expect") + ")");
            }
        }
        assertTrue(misses.size() <= rows.size() / 4, misses.size() + " of " + rows.size() + " missed: " + misses);
    }

    @Test
    void should_find_a_block_from_a_paraphrase_that_shares_no_keyword_with_it() {
        String request = "tell me what is hogging the processor";
        List<Candidate> ranked = retriever.rank(request, null);
        Candidate top = ranked.get(0);
        assertEquals(
                "dg.resource-snapshot", top.block().id(), ranked.subList(0, 3).toString());
        assertTrue(BlockSelector.confident(top), "confident enough to be used: " + top);
        // No content word of the request occurs in the block's title, keywords or examples.
        Set<String> blockWords = new java.util.HashSet<>();
        top.block().searchTexts().forEach(t -> blockWords.addAll(Words.terms(t)));
        List<String> shared =
                Words.terms(request).stream().filter(blockWords::contains).toList();
        assertEquals(
                List.of(),
                shared,
                "the request shares words with " + top.block().id());
        assertEquals(0.0, top.lexical(), 1e-9);
    }

    @Test
    void should_rank_deterministically() {
        String request = "restart nginx and check it";
        assertEquals(retriever.rank(request, null), retriever.rank(request, null));
    }
}
