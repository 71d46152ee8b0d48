package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.support.SchemaMessages;
import org.runbook.coauthor.validate.support.SchemaMessages.Text;

/**
 * RD001: the document breaks the Rundeck job definition schema in {@code job-schemas} in a way no
 * specific rule explains. The specific RD0xx rules own unknown keys (RD002), types (RD003), names
 * (RD004, RD006), the workflow (RD005), schedule (RD008), timeout and retry (RD009), enumerations
 * (RD010), notifications (RD011) and option constraints (RD012); this rule drops what they cover,
 * including everything under a value they reported, so one mistake gives one finding.
 */
public final class SchemaRule extends AbstractRule {
    static final String SCHEMA = "coauthor/schemas/rundeck-job.schema.json";
    private static volatile JsonSchema schema;
    /** Subtrees of a job that a specific rule checks completely. */
    private static final Pattern OWNED =
            Pattern.compile("/[0-9]+/(schedule|notification|retry|retryDelay|timeout)(/.*)?");

    private static final Set<String> ENUM_KEYS = Set.of("loglevel", "rankOrder", "loglimitAction", "type");

    @Override
    public String id() {
        return "RD001";
    }

    @Override
    public String title() {
        return "job definition breaks the Rundeck job schema";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitDocument(JobSource document) {
        List<ValidationMessage> messages = schema().validate(document.tree()).stream()
                .sorted(Comparator.comparing(m -> m.getInstanceLocation().toString()))
                .toList();
        if (messages.isEmpty()) {
            return;
        }
        List<String> covered = coveredPointers(document);
        Map<String, List<String>> alternatives = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (ValidationMessage m : messages) {
            String pointer = SchemaMessages.pointer(m.getInstanceLocation());
            if (skipped(m, pointer) || covered.stream().anyMatch(c -> covers(c, pointer))) {
                continue;
            }
            String frag = SchemaMessages.fragment(m);
            JsonNode node = document.tree().at(pointer);
            if (m.getType().equals("required") && frag.matches(".*/anyOf/[0-9]+/required")) {
                alternatives
                        .computeIfAbsent(
                                pointer + "|" + frag.replaceAll("/[0-9]+/required$", ""), k -> new ArrayList<>())
                        .add(m.getProperty());
                continue;
            }
            Text t = m.getType().equals("required")
                    ? SchemaMessages.required(pointer, m.getProperty())
                    : SchemaMessages.translate(m, pointer, node);
            emit(t, seen);
        }
        alternatives.forEach((k, props) -> emit(SchemaMessages.noneOf(k.substring(0, k.indexOf('|')), props), seen));
    }

    private void emit(Text t, Set<String> seen) {
        if (seen.add(t.pointer() + "|" + t.message())) {
            if (t.atKey()) {
                reportKey(t.pointer(), t.message(), t.hint());
            } else {
                report(t.pointer(), t.message(), t.hint());
            }
        }
    }

    /** Schema errors a specific rule reports in its own words (or deliberately accepts). */
    private static boolean skipped(ValidationMessage m, String pointer) {
        String type = m.getType();
        String frag = SchemaMessages.fragment(m);
        String[] parts = pointer.split("/");
        String key = parts.length > 0 ? parts[parts.length - 1] : "";
        String parent = parts.length > 1 ? parts[parts.length - 2] : "";
        if (Set.of("additionalProperties", "propertyNames", "unevaluatedProperties", "false")
                        .contains(type)
                || OWNED.matcher(pointer).matches()) {
            return true; // RD002 / RD006 / RD008 / RD009 / RD011
        }
        if (type.equals("pattern")
                && (key.equals("uuid") || key.equals("id"))
                && m.getInstanceNode() != null
                && m.getInstanceNode().asText().isBlank()) {
            return true; // Rundeck ignores "id" and a blank "uuid" on import
        }
        return switch (type) {
                // RD003 owns every typed key; plugin configuration values and the document shape stay here
            case "type" -> parts.length > 2 && !parent.equals("configuration") && !parent.equals("config");
            case "enum" -> frag.endsWith("/boolish/enum")
                    || (ENUM_KEYS.contains(key)
                            && m.getInstanceNode() != null
                            && m.getInstanceNode().isValueNode());
            case "required" -> frag.contains("/step/anyOf/")
                    || frag.endsWith("/pluginStep/required")
                    || frag.endsWith("/job/required")
                    || frag.endsWith("/sequence/required")
                    || frag.endsWith("/option/required");
            case "minItems" -> frag.contains("/sequence/properties/commands");
            case "oneOf" -> frag.endsWith("/commandStep/oneOf");
            case "pattern", "minLength", "maxLength" -> frag.contains("/job/properties/name/")
                    || frag.contains("/optionBody/properties/name/")
                    || frag.contains("/optionBody/properties/storagePath/")
                    || frag.matches(".*/commandStep/properties/(exec|script|scriptfile|scripturl)/.*")
                    || frag.contains("/pluginStep/properties/type/");
            default -> false;
        };
    }

    /**
     * Whether a specific finding at {@code covered} already explains a schema error at {@code pointer}:
     * the same value, or anything below a step, option or value (never below a whole job or the document).
     */
    private static boolean covers(String covered, String pointer) {
        int depth = covered.split("/", -1).length - 1;
        return (depth >= 2 && pointer.equals(covered)) || (depth >= 3 && pointer.startsWith(covered + "/"));
    }

    /** Pointers of every finding the other RD0xx rules make on this document: nothing at or below them is repeated. */
    private List<String> coveredPointers(JobSource document) {
        List<JobView> jobs = org.runbook.coauthor.validate.JobDocuments.jobs(document.tree());
        List<String> out = new ArrayList<>();
        for (Supplier<AbstractRule> s : StructureRules.ALL) {
            AbstractRule rule = s.get();
            if (rule instanceof SchemaRule) {
                continue;
            }
            for (Finding f : rule.check(document, jobs, options())) {
                out.add(SchemaMessages.pointerOf(f.yamlPath()));
            }
        }
        return out;
    }

    private static JsonSchema schema() {
        JsonSchema s = schema;
        if (s == null) {
            synchronized (SchemaRule.class) {
                if (schema == null) {
                    try (InputStream in = SchemaRule.class.getClassLoader().getResourceAsStream(SCHEMA)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + SCHEMA);
                        }
                        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                                .getSchema(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                s = schema;
            }
        }
        return s;
    }
}
