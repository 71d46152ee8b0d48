package org.runbook.coauthor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML document read with snakeyaml-engine, as a Jackson tree plus the source position of every
 * node, keyed by JSON pointer. Alias expansion and size are bounded, so a "billion laughs" document
 * is a parse error, not an outage.
 */
final class YamlDocument {
    /** Largest artifact read, in code points. */
    static final int MAX_CODE_POINTS = 5 * 1024 * 1024;

    private final JsonNode tree;
    private final Map<String, Mark> marks;

    private YamlDocument(JsonNode tree, Map<String, Mark> marks) {
        this.tree = tree;
        this.marks = marks;
    }

    /** Parses {@code text}; a syntax error becomes a {@link ParseError} carrying its position. */
    static YamlDocument parse(String text, String file) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setCodePointLimit(MAX_CODE_POINTS)
                .setAllowDuplicateKeys(false)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            Map<String, Mark> marks = new HashMap<>();
            JsonNode tree = root.map(n -> convert(n, "", marks, 0)).orElse(JsonNodeFactory.instance.nullNode());
            return new YamlDocument(tree, marks);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new ParseError(firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), mark);
        } catch (YamlEngineException e) {
            throw new ParseError(firstLine(e.getMessage()), null);
        }
    }

    JsonNode tree() {
        return tree;
    }

    /** The position of the node at {@code pointer}, or of its nearest parent that has one. */
    int[] position(String pointer) {
        String p = pointer;
        while (true) {
            Mark mark = marks.get(p);
            if (mark != null) {
                return new int[] {mark.getLine() + 1, mark.getColumn() + 1};
            }
            if (p.isEmpty()) {
                return new int[] {1, 1};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Mark> marks, int depth) {
        if (depth > 200) {
            throw new ParseError(
                    "the document is nested more than 200 levels deep",
                    node.getStartMark().orElse(null));
        }
        node.getStartMark().ifPresent(m -> marks.put(pointer, m));
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode out = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
                t.getKeyNode().getStartMark().ifPresent(m -> marks.put(child + "#key", m));
                out.set(key, convert(t.getValueNode(), child, marks, depth + 1));
            }
            return out;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode out = f.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                out.add(convert(item, pointer + "/" + i++, marks, depth + 1));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.BOOL.equals(tag)) {
            return f.booleanNode(v.equalsIgnoreCase("true"));
        }
        if (Tag.INT.equals(tag)) {
            try {
                return f.numberNode(Long.parseLong(v.replace("_", "")));
            } catch (NumberFormatException e) {
                return f.textNode(v);
            }
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return f.numberNode(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return f.textNode(v);
            }
        }
        if (Tag.NULL.equals(tag)) {
            return f.nullNode();
        }
        return f.textNode(v);
    }

    private static String firstLine(String message) {
        return message == null
                ? "invalid YAML"
                : message.strip().lines().findFirst().orElse("invalid YAML");
    }

    /** The text is not YAML a reader can use. */
    static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Mark mark;

        ParseError(String message, Mark mark) {
            super(message);
            this.mark = mark;
        }
    }
}
