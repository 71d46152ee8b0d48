package org.runbook.coauthor.author.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;

/**
 * Reads the catalog from the classpath: {@code coauthor/catalog/categories.yaml} and one
 * {@code coauthor/catalog/blocks/<slug>.yaml} per category. Errors name the file and block.
 */
public final class CatalogLoader {
    static final String ROOT = "coauthor/catalog/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    private CatalogLoader() {}

    /** The catalog bundled with the co-author. */
    public static Catalog bundled() {
        return load(CatalogLoader.class.getClassLoader());
    }

    static Catalog load(ClassLoader loader) {
        MessageDigest digest = sha256();
        String categoriesFile = ROOT + "categories.yaml";
        byte[] categoriesBytes = read(loader, categoriesFile);
        digest.update(categoriesBytes);
        List<CatalogCategory> categories = new ArrayList<>();
        for (JsonNode c : parse(categoriesBytes, categoriesFile).path("categories")) {
            categories.add(new CatalogCategory(
                    text(c, "name", categoriesFile, "-"),
                    text(c, "prefix", categoriesFile, "-"),
                    text(c, "slug", categoriesFile, "-"),
                    c.path("guidance").asText(""),
                    strings(c.path("examples"))));
        }
        List<Block> blocks = new ArrayList<>();
        for (CatalogCategory category : categories) {
            String file = ROOT + "blocks/" + category.slug() + ".yaml";
            byte[] bytes = read(loader, file);
            digest.update(bytes);
            JsonNode doc = parse(bytes, file);
            if (!category.name().equals(doc.path("category").asText())) {
                throw invalid(
                        file,
                        "-",
                        "category is \"" + doc.path("category").asText() + "\", expected \"" + category.name() + "\"");
            }
            for (JsonNode b : doc.path("blocks")) {
                blocks.add(block(b, category, file));
            }
        }
        return new Catalog(categories, blocks, HexFormat.of().formatHex(digest.digest()));
    }

    private static Block block(JsonNode b, CatalogCategory category, String file) {
        String id = text(b, "id", file, "?");
        if (!id.startsWith(category.prefix() + ".")) {
            throw invalid(file, id, "block id must start with \"" + category.prefix() + ".\"");
        }
        List<BlockParam> params = new ArrayList<>();
        for (JsonNode p : b.path("params")) {
            params.add(param(p, file, id));
        }
        List<StepTemplate> steps = new ArrayList<>();
        for (JsonNode s : b.path("steps")) {
            steps.add(step(s, file, id));
        }
        if (steps.isEmpty()) {
            throw invalid(file, id, "a block needs at least one step");
        }
        List<String> names = params.stream().map(BlockParam::name).toList();
        for (StepTemplate step : steps) {
            List<String> texts = new ArrayList<>(step.with().values());
            if (step.run() != null) {
                texts.add(step.run());
            }
            step.targets().values().forEach(m -> texts.addAll(m.values()));
            for (String text : texts) {
                var m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!names.contains(m.group(1))) {
                        throw invalid(
                                file,
                                id,
                                "step \"" + step.title() + "\" uses {{" + m.group(1)
                                        + "}} but the block has no such parameter; parameters are " + names);
                    }
                }
            }
        }
        return new Block(
                id,
                category.name(),
                text(b, "title", file, id),
                text(b, "description", file, id).strip(),
                strings(b.path("examples")),
                strings(b.path("keywords")),
                enumValue(() -> Risk.fromWire(text(b, "risk", file, id)), file, id),
                enumValue(() -> RunOn.fromWire(text(b, "runOn", file, id)), file, id),
                b.path("dispatch").path("threadcount").asInt(0),
                b.has("targets") ? strings(b.path("targets")) : List.of("rundeck", "jenkins"),
                params,
                steps);
    }

    private static BlockParam param(JsonNode p, String file, String id) {
        String name = text(p, "name", file, id);
        ParamType type = enumValue(() -> ParamType.fromWire(text(p, "type", file, id)), file, id);
        String defaultValue = p.hasNonNull("default") ? p.get("default").asText() : null;
        Pattern extract = null;
        if (p.hasNonNull("extract")) {
            try {
                extract = Pattern.compile(p.get("extract").asText());
            } catch (PatternSyntaxException e) {
                throw invalid(
                        file, id, "parameter \"" + name + "\": extract is not a valid regex: " + e.getDescription());
            }
        }
        if (type == ParamType.SECRET && defaultValue != null) {
            throw invalid(file, id, "secret parameter \"" + name + "\" cannot have a default");
        }
        boolean required = p.has("required") ? p.get("required").asBoolean() : defaultValue == null;
        return new BlockParam(
                name,
                type,
                text(p, "description", file, id),
                strings(p.path("aliases")),
                defaultValue,
                strings(p.path("values")),
                p.hasNonNull("regex") ? p.get("regex").asText() : null,
                required,
                extract,
                p.hasNonNull("derive") ? p.get("derive").asText() : null,
                p.hasNonNull("produces") ? p.get("produces").asText() : null,
                p.hasNonNull("consumes") ? p.get("consumes").asText() : null);
    }

    private static StepTemplate step(JsonNode s, String file, String id) {
        Action action = enumValue(() -> Action.fromWire(text(s, "action", file, id)), file, id);
        Map<String, Map<String, String>> targets = new LinkedHashMap<>();
        for (String target : List.of("rundeck", "jenkins")) {
            if (s.has(target)) {
                targets.put(target, stringMap(s.get(target)));
            }
        }
        return new StepTemplate(
                text(s, "title", file, id),
                action,
                s.hasNonNull("run") ? s.get("run").asText() : null,
                stringMap(s.path("with")),
                s.hasNonNull("runOn")
                        ? enumValue(() -> RunOn.fromWire(s.get("runOn").asText()), file, id)
                        : null,
                s.hasNonNull("risk")
                        ? enumValue(() -> Risk.fromWire(s.get("risk").asText()), file, id)
                        : null,
                targets);
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field, String file, String id) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw invalid(file, id, "\"" + field + "\" is missing or blank");
        }
        return value.asText();
    }

    private static <T> T enumValue(java.util.function.Supplier<T> parse, String file, String id) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw invalid(file, id, e.getMessage());
        }
    }

    private static JsonNode parse(byte[] bytes, String file) {
        try {
            return YAML.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "catalog file is not valid YAML: " + e.getMessage(), new SourcePosition(file, 0, 0), e);
        }
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidInputException(
                        "catalog resource is missing from the classpath",
                        new SourcePosition(resource, 0, 0),
                        List.of());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read catalog resource", new SourcePosition(resource, 0, 0), e);
        }
    }

    private static InvalidInputException invalid(String file, String blockId, String message) {
        return new InvalidInputException(
                "block " + blockId + ": " + message, new SourcePosition(file, 0, 0), List.of());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
