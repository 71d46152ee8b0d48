package org.runbook.coauthor.author.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.Function;
import org.runbook.coauthor.author.offline.Block;
import org.runbook.coauthor.author.offline.CatalogCategory;
import org.runbook.coauthor.author.offline.Retriever;
import org.runbook.coauthor.plan.GenerationRequest;

/** Grounds a prompt in the reviewed catalog: the category's guidance and the nearest blocks. */
final class CatalogGrounding implements Function<GenerationRequest, LlmAuthor.Grounding> {
    static final int EXAMPLES = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private Retriever retriever;

    @Override
    public LlmAuthor.Grounding apply(GenerationRequest request) {
        Retriever r = retriever();
        String guidance = request.category() == null
                ? null
                : r.catalog()
                        .category(request.category())
                        .map(CatalogCategory::guidance)
                        .orElse(null);
        List<String> examples = r.rank(request.text(), request.category()).stream()
                .limit(EXAMPLES)
                .map(c -> json(c.block()))
                .toList();
        return new LlmAuthor.Grounding(guidance, examples);
    }

    private synchronized Retriever retriever() {
        if (retriever == null) {
            retriever = Retriever.bundled();
        }
        return retriever;
    }

    private static String json(Block block) {
        try {
            return JSON.writeValueAsString(block);
        } catch (JsonProcessingException e) {
            return block.id() + ": " + block.title();
        }
    }
}
