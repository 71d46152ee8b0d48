package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.read.Position;

/**
 * RD007: two options with the same name in one job. Rundeck keeps both, shows two fields with one
 * name and passes only one value as {@code ${option.NAME}}, so one definition is silently lost.
 */
public final class DuplicateOptionRule extends AbstractRule {
    @Override
    public String id() {
        return "RD007";
    }

    @Override
    public String title() {
        return "option defined twice";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode options = job.node().path("options");
        if (!options.isArray()) {
            return; // the map form cannot repeat a name: the reader refuses duplicate keys
        }
        Map<String, String> first = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            JsonNode name = options.get(i).path("name");
            if (!name.isValueNode() || name.asText().isBlank()) {
                continue;
            }
            String pointer = Pointers.child(Pointers.child(job.pointer("options"), i), "name");
            String previous = first.putIfAbsent(name.asText(), pointer);
            if (previous != null) {
                Position at = source().valuePosition(previous);
                report(
                        pointer,
                        "option \"" + name.asText() + "\" is defined twice; previously defined at line " + at.line()
                                + ", col " + at.column(),
                        "rename or remove one of the two definitions");
            }
        }
    }
}
