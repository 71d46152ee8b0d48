package org.runbook.coauthor.validate.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The step plugin providers a Rundeck 5.4 server knows without extra plugins, plus this project's
 * own, read from {@code job-schemas}' {@value #RESOURCE}. The table is data so that adding a
 * provider touches one YAML file:
 *
 * <pre>{@code
 * - name: copyfile
 *   service: WorkflowNodeStep
 *   nodeStep: true
 *   origin: builtin
 *   required: [sourcePath, destinationPath]
 *   keys: [sourcePath, destinationPath, pattern, recursive, echo]
 * }</pre>
 */
public final class KnownProviders {
    public static final String RESOURCE = "coauthor/rundeck/providers.yaml";
    /** Prefix of this project's provider names; no third-party plugin uses it. */
    public static final String COAUTHOR_PREFIX = "coauthor-";
    /**
     * Classic step kinds that Rundeck's {@code WorkflowController.getPluginStepDescription} never
     * resolves as plugins: {@code type: script} is always "Plugin not found".
     */
    public static final Set<String> RESERVED = Set.of("command", "script", "scriptfile", "job");

    /** Where a provider comes from. */
    public enum Origin {
        BUILTIN,
        BUNDLED,
        COAUTHOR
    }

    /**
     * One step provider.
     *
     * @param keys every configuration property, or empty when they are not known
     */
    public record Provider(
            String name,
            String service,
            boolean nodeStep,
            String title,
            Origin origin,
            List<String> required,
            List<List<String>> requiredOneOf,
            List<String> keys,
            Map<String, List<String>> values,
            Map<String, String> defaults,
            List<String> recommended) {
        public Provider {
            required = List.copyOf(required);
            requiredOneOf = List.copyOf(requiredOneOf);
            keys = List.copyOf(keys);
            values = Map.copyOf(values);
            defaults = Map.copyOf(defaults);
            recommended = List.copyOf(recommended);
        }

        /** Whether {@link #keys()} lists every property, so that another key is unknown. */
        public boolean keysKnown() {
            return !keys.isEmpty();
        }

        /** "node step" or "workflow step", for messages. */
        public String kind() {
            return nodeStep ? "node step" : "workflow step";
        }
    }

    private static final class Holder {
        static final Map<String, Provider> PROVIDERS = load();
    }

    private KnownProviders() {}

    public static List<Provider> all() {
        return List.copyOf(Holder.PROVIDERS.values());
    }

    public static Optional<Provider> find(String name) {
        return Optional.ofNullable(Holder.PROVIDERS.get(name));
    }

    /** The names of all known providers, for suggestions. */
    public static List<String> names() {
        return new ArrayList<>(Holder.PROVIDERS.keySet());
    }

    public static boolean isCoauthorName(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith(COAUTHOR_PREFIX);
    }

    private static Map<String, Provider> load() {
        try (InputStream in = KnownProviders.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Object root = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            Map<String, Provider> out = new LinkedHashMap<>();
            for (Object item : list(map(root).get("providers"))) {
                Map<?, ?> p = map(item);
                String name = String.valueOf(p.get("name"));
                out.put(
                        name,
                        new Provider(
                                name,
                                String.valueOf(p.get("service")),
                                Boolean.TRUE.equals(p.get("nodeStep")),
                                String.valueOf(p.get("title")),
                                Origin.valueOf(String.valueOf(p.get("origin")).toUpperCase(Locale.ROOT)),
                                strings(p.get("required")),
                                list(p.get("requiredOneOf")).stream()
                                        .map(KnownProviders::strings)
                                        .toList(),
                                strings(p.get("keys")),
                                stringLists(p.get("values")),
                                stringMap(p.get("defaults")),
                                strings(p.get("recommended"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }

    private static Map<String, List<String>> stringLists(Object o) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(String.valueOf(k), strings(v)));
        return out;
    }

    private static Map<String, String> stringMap(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }
}
