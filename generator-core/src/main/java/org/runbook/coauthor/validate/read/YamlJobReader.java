package org.runbook.coauthor.validate.read;

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
 * Reads a YAML job document with snakeyaml-engine, keeping the mark of every key and value. Alias
 * expansion, size and depth are bounded, so a "billion laughs" document or a 1,000-deep nesting is
 * a {@link ParseProblem}, not an outage; duplicate keys are refused as Rundeck's own loader would.
 */
public final class YamlJobReader {
    /** Largest document read, in code points. */
    public static final int MAX_CODE_POINTS = 12 * 1024 * 1024;
    /** Deepest nesting accepted; real jobs stay under 15. */
    public static final int MAX_DEPTH = 100;

    private YamlJobReader() {}

    public static ParsedDocument read(String text, String file) {
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
            Map<String, Position> values = new HashMap<>();
            Map<String, Position> keys = new HashMap<>();
            JsonNode tree = root.map(n -> convert(n, "", values, keys, 0))
                    .orElse(JsonNodeFactory.instance.nullNode());
            return new ParsedDocument("yaml", tree, values, keys);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            throw new ParseProblem(firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage()), position(mark));
        } catch (YamlEngineException e) {
            throw new ParseProblem(firstLine(e.getMessage()), null);
        } catch (StackOverflowError e) {
            throw new ParseProblem("the document is nested too deeply to read", null);
        }
    }

    private static JsonNode convert(Node node, String pointer, Map<String, Position> values,
            Map<String, Position> keys, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ParseProblem("the document is nested more than " + MAX_DEPTH + " levels deep",
                    position(node.getStartMark().orElse(null)));
        }
        node.getStartMark().ifPresent(m -> values.put(pointer, position(m)));
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode out = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String child = Pointers.child(pointer, key);
                t.getKeyNode().getStartMark().ifPresent(m -> keys.put(child, position(m)));
                out.set(key, convert(t.getValueNode(), child, values, keys, depth + 1));
            }
            return out;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode out = f.arrayNode();
            int i = 0;
            for (Node item : seq.getValue()) {
                out.add(convert(item, Pointers.child(pointer, i++), values, keys, depth + 1));
            }
            return out;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        JsonNodeFactory f = JsonNodeFactory.instance;
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

    private static Position position(Mark mark) {
        return mark == null ? Position.START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    private static String firstLine(String message) {
        return message == null ? "invalid YAML" : message.strip().lines().findFirst().orElse("invalid YAML");
    }
}
