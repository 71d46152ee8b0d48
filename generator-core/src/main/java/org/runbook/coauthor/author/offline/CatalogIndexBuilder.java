package org.runbook.coauthor.author.offline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build-time tool: writes the embedding index of the bundled catalog. Run by the Maven build. */
public final class CatalogIndexBuilder {
    private CatalogIndexBuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CatalogIndexBuilder OUTPUT_FILE");
        }
        Catalog catalog = CatalogLoader.bundled();
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream stream = Files.newOutputStream(out)) {
            EmbeddingIndex.build(catalog).write(stream, catalog);
        }
        System.out.println("catalog index: " + catalog.blocks().size() + " blocks -> " + out);
    }
}
