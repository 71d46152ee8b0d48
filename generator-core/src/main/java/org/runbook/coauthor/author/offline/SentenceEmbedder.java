package org.runbook.coauthor.author.offline;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The in-process sentence-embedding model (all-MiniLM-L6-v2, quantized, ONNX), bundled in a jar so
 * nothing is downloaded at run time. The only langchain4j type the offline author touches.
 */
final class SentenceEmbedder {
    static final int DIMENSIONS = 384;

    private static volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    private SentenceEmbedder() {}

    static float[] embed(String text) {
        return normalize(model().embed(text).content().vector());
    }

    static List<float[]> embedAll(List<String> texts) {
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> normalize(e.vector()))
                .toList();
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (SentenceEmbedder.class) {
                if (model == null) {
                    // DJL (the tokenizer) must never reach for the network.
                    System.setProperty("ai.djl.offline", "true");
                    System.setProperty("OPT_OUT_TRACKING", "true");
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                }
                m = model;
            }
        }
        return m;
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
