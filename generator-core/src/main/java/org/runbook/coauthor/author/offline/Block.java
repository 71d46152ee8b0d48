package org.runbook.coauthor.author.offline;

import java.util.List;
import java.util.Optional;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;

/**
 * A reviewed, parameterised piece of automation from the catalog (docs/catalog.md).
 *
 * @param threadcount nodes worked on at once when the block asks for it (1 = rolling); 0 when unset
 */
public record Block(
        String id,
        String category,
        String title,
        String description,
        List<String> examples,
        List<String> keywords,
        Risk risk,
        RunOn runOn,
        int threadcount,
        List<String> targets,
        List<BlockParam> params,
        List<StepTemplate> steps) {
    public Block {
        examples = List.copyOf(examples);
        keywords = List.copyOf(keywords);
        targets = List.copyOf(targets);
        params = List.copyOf(params);
        steps = List.copyOf(steps);
    }

    public Optional<BlockParam> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * The texts an operator's words are matched against: title with keywords and category, and each
     * example phrasing with them. The description is left to semantic matching: it mentions many
     * words in passing ("stopped instances") that would make a block look like a word-for-word match.
     */
    public List<String> searchTexts() {
        String head = title + " " + String.join(" ", keywords) + " " + category;
        List<String> texts = new java.util.ArrayList<>();
        texts.add(head);
        examples.forEach(e -> texts.add(head + " " + e));
        return texts;
    }

    /** What the block actually does: title, description and step text (not the example phrasings). */
    public List<String> workTexts() {
        StringBuilder text = new StringBuilder(title).append(' ').append(description);
        for (StepTemplate step : steps) {
            text.append(' ').append(step.title());
            if (step.run() != null) {
                text.append(' ').append(step.run());
            }
            step.with().values().forEach(v -> text.append(' ').append(v));
        }
        return List.of(text.toString());
    }
}
