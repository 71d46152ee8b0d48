package org.runbook.coauthor.author.offline;

import java.util.List;

/** A category operators pick, with guidance and example requests. */
public record CatalogCategory(String name, String prefix, String slug, String guidance, List<String> examples) {
    public CatalogCategory {
        examples = List.copyOf(examples);
    }
}
