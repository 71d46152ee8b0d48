package org.runbook.coauthor.validate.rules;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;

/** RD001: the document breaks the Rundeck job definition schema in {@code job-schemas}. */
public final class SchemaRule extends AbstractRule {
    static final String SCHEMA = "coauthor/schemas/rundeck-job.schema.json";
    private static volatile JsonSchema schema;

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
        for (ValidationMessage m : messages) {
            String pointer = pointer(m.getInstanceLocation());
            if (m.getProperty() != null && "additionalProperties".equals(m.getType())) {
                pointer = pointer + "/" + m.getProperty();
            }
            report(
                    pointer,
                    message(m),
                    "fix the document so it matches the job definition format; see " + "job-schemas/src/main/resources/"
                            + SCHEMA);
        }
    }

    private static String message(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        if (text.startsWith("$") && colon > 0) {
            String where = text.substring(0, colon);
            text = text.substring(colon + 2) + " at " + where;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1).replaceAll("\\.$", "");
    }

    private static String pointer(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.append('/')
                    .append(String.valueOf(path.getElement(i))
                            .replace("~", "~0")
                            .replace("/", "~1"));
        }
        return out.toString();
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
