package org.runbook.coauthor.author.offline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings of every block's title, description and example phrasings. Built once at
 * build time ({@link CatalogIndexBuilder}) and shipped as a resource, because embedding the ~700
 * texts takes seconds and the CLI must start fast; rebuilt in memory when missing or stale.
 */
final class EmbeddingIndex {
    static final String RESOURCE = "coauthor/catalog-index.bin";
    private static final int MAGIC = 0x52424341; // "RBCA"
    private static final int FORMAT = 1;

    private final int[] owner;
    private final float[][] vectors;
    private final int blockCount;

    private EmbeddingIndex(int[] owner, float[][] vectors, int blockCount) {
        this.owner = owner;
        this.vectors = vectors;
        this.blockCount = blockCount;
    }

    /** The texts that represent a block in the index. */
    static List<String> textsOf(Block block) {
        List<String> texts = new ArrayList<>();
        texts.add(block.title());
        texts.add(block.description());
        texts.addAll(block.examples());
        return texts;
    }

    static EmbeddingIndex build(Catalog catalog) {
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < catalog.blocks().size(); i++) {
            for (String t : textsOf(catalog.blocks().get(i))) {
                texts.add(t);
                owners.add(i);
            }
        }
        List<float[]> embedded = SentenceEmbedder.embedAll(texts);
        return new EmbeddingIndex(
                owners.stream().mapToInt(Integer::intValue).toArray(),
                embedded.toArray(new float[0][]),
                catalog.blocks().size());
    }

    /** The bundled index when it matches {@code catalog}, else a freshly built one. */
    static EmbeddingIndex forCatalog(Catalog catalog) {
        try (InputStream in = EmbeddingIndex.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                EmbeddingIndex index = read(in, catalog);
                if (index != null) {
                    return index;
                }
            }
        } catch (IOException e) {
            // An unreadable index is rebuilt below; the result is the same, only slower.
        }
        return build(catalog);
    }

    /** Best cosine similarity of {@code query} to each block, in block order. */
    double[] scores(float[] query) {
        double[] best = new double[blockCount];
        java.util.Arrays.fill(best, -1);
        for (int i = 0; i < vectors.length; i++) {
            double s = SentenceEmbedder.cosine(query, vectors[i]);
            if (s > best[owner[i]]) {
                best[owner[i]] = s;
            }
        }
        return best;
    }

    void write(OutputStream out, Catalog catalog) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(FORMAT);
        data.writeUTF(catalog.fingerprint());
        data.writeInt(SentenceEmbedder.DIMENSIONS);
        data.writeInt(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            data.writeInt(owner[i]);
            for (float f : vectors[i]) {
                data.writeFloat(f);
            }
        }
        data.flush();
    }

    private static EmbeddingIndex read(InputStream in, Catalog catalog) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        if (data.readInt() != MAGIC || data.readInt() != FORMAT) {
            return null;
        }
        if (!data.readUTF().equals(catalog.fingerprint())) {
            return null;
        }
        int dims = data.readInt();
        int count = data.readInt();
        int[] owner = new int[count];
        float[][] vectors = new float[count][dims];
        for (int i = 0; i < count; i++) {
            owner[i] = data.readInt();
            for (int d = 0; d < dims; d++) {
                vectors[i][d] = data.readFloat();
            }
        }
        return new EmbeddingIndex(owner, vectors, catalog.blocks().size());
    }
}
