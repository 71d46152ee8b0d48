package org.runbook.coauthor.validate.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Reads a JSON job document (Rundeck's {@code format=json} export) keeping every token's position. */
public final class JsonJobReader {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(YamlJobReader.MAX_DEPTH)
                    .maxStringLength(YamlJobReader.MAX_CODE_POINTS)
                    .build())
            .build();

    private JsonJobReader() {}

    public static ParsedDocument read(String text, String file) {
        Map<String, Position> values = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseProblem("the document is empty", Position.START);
            }
            JsonNode tree = value(parser, "", values, keys);
            if (parser.nextToken() != null) {
                throw new ParseProblem(
                        "unexpected content after the end of the document", position(parser.currentTokenLocation()));
            }
            return new ParsedDocument("json", tree, values, keys);
        } catch (JsonParseException e) {
            throw new ParseProblem(e.getOriginalMessage(), position(e.getLocation()));
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new ParseProblem(e.getOriginalMessage(), position(e.getLocation()));
        } catch (IOException e) {
            throw new ParseProblem("cannot read JSON: " + e.getMessage(), Position.START);
        }
    }

    private static JsonNode value(
            JsonParser p, String pointer, Map<String, Position> values, Map<String, Position> keys) throws IOException {
        values.put(pointer, position(p.currentTokenLocation()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode out = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = Pointers.child(pointer, key);
                    keys.put(child, position(p.currentTokenLocation()));
                    p.nextToken();
                    out.set(key, value(p, child, values, keys));
                }
                return out;
            }
            case START_ARRAY -> {
                ArrayNode out = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(value(p, Pointers.child(pointer, i++), values, keys));
                }
                return out;
            }
            case VALUE_STRING -> {
                return f.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return f.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return f.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return f.booleanNode(p.getBooleanValue());
            }
            default -> {
                return f.nullNode();
            }
        }
    }

    private static Position position(JsonLocation loc) {
        return loc == null
                ? Position.START
                : new Position(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
}
