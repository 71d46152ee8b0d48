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
        checkSize(text);
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
            JsonNode tree = root.map(n -> convert(n, "", values, keys, 0)).orElse(JsonNodeFactory.instance.nullNode());
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

    /** Longest line accepted: the scanner slows down quadratically on one huge unbroken token. */
    public static final int MAX_LINE = 256 * 1024;

    /** Rejects oversized input before parsing, so a huge document costs a scan, not minutes of parsing. */
    static void checkSize(String text) {
        if (text.length() > MAX_CODE_POINTS) {
            throw new ParseProblem(
                    "the document is " + text.length() / (1024 * 1024) + " MB; the limit is "
                            + MAX_CODE_POINTS / (1024 * 1024) + " MB",
                    Position.START);
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE) {
                    throw new ParseProblem(
                            "line " + line + " is " + (i - start) / 1024 + " KB long; the limit is " + MAX_LINE / 1024
                                    + " KB per line",
                            new Position(line, 1));
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static JsonNode convert(
            Node node, String pointer, Map<String, Position> values, Map<String, Position> keys, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ParseProblem(
                    "the document is nested more than " + MAX_DEPTH + " levels deep",
                    position(node.getStartMark().orElse(null)));
        }
        node.getStartMark().ifPresent(m -> values.put(pointer, position(m)));
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode out = f.objectNode();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                String child = Pointers.child(pointer, key);
                if (out.has(key)) {
                    // snakeyaml-engine's composer keeps both; Rundeck's loader would silently keep the last.
                    Position first = keys.get(child);
                    throw new ParseProblem(
                            "duplicate key \"" + key + "\""
                                    + (first == null
                                            ? ""
                                            : "; the first is at line " + first.line() + ", col " + first.column())
                                    + "; Rundeck would keep only the last value",
                            position(t.getKeyNode().getStartMark().orElse(null)));
                }
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
        return message == null
                ? "invalid YAML"
                : message.strip().lines().findFirst().orElse("invalid YAML");
    }
}
