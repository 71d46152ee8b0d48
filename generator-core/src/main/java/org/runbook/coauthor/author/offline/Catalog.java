package org.runbook.coauthor.author.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The building-block catalog: categories and their blocks, loaded from the {@code job-schemas}
 * resources by {@link CatalogLoader}.
 *
 * @param fingerprint SHA-256 over the catalog files; the embedding index is tied to it
 */
public record Catalog(List<CatalogCategory> categories, List<Block> blocks, String fingerprint) {
    public Catalog {
        categories = List.copyOf(categories);
        blocks = List.copyOf(blocks);
    }

    public Optional<CatalogCategory> category(String name) {
        return categories.stream()
                .filter(c -> c.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    public List<String> categoryNames() {
        return categories.stream().map(CatalogCategory::name).toList();
    }

    /** Number of blocks per category, in catalog order. */
    public Map<String, Integer> blockCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        categories.forEach(c -> counts.put(c.name(), 0));
        blocks.forEach(b -> counts.merge(b.category(), 1, Integer::sum));
        return counts;
    }
}
