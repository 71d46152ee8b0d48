package org.runbook.coauthor.validate.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * One job of a document, read-only, with the JSON pointer of every part so a rule can report where.
 * Accepts both option forms (a list, or the legacy map of name to definition).
 */
public final class JobView {
    private final JsonNode node;
    private final String pointer;
    private final int index;
    private final List<OptionView> options;
    private final List<StepView> steps;

    public JobView(JsonNode node, String pointer, int index) {
        this.node = node;
        this.pointer = pointer;
        this.index = index;
        this.options = readOptions();
        this.steps = readSteps();
    }

    public JsonNode node() {
        return node;
    }

    public String pointer() {
        return pointer;
    }

    /** 0-based position of the job in the document. */
    public int index() {
        return index;
    }

    public String pointer(String key) {
        return Pointers.child(pointer, key);
    }

    public String name() {
        return node.path("name").asText("");
    }

    /** "name" or "group/name", for messages. */
    public String label() {
        String group = node.path("group").asText("");
        return group.isEmpty() ? name() : group + "/" + name();
    }

    public List<OptionView> options() {
        return options;
    }

    public Optional<OptionView> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }

    /** Top-level workflow steps followed by their error handlers. */
    public List<StepView> steps() {
        return steps;
    }

    /** Whether the job dispatches to nodes: a {@code nodefilters.filter} is present. */
    public boolean dispatchesToNodes() {
        return node.path("nodefilters").has("filter");
    }

    /** The node filter text, or empty when the job runs on the server. */
    public Optional<String> nodeFilter() {
        JsonNode f = node.path("nodefilters").path("filter");
        return f.isValueNode() ? Optional.of(f.asText()) : Optional.empty();
    }

    public String nodeFilterPointer() {
        return Pointers.child(pointer("nodefilters"), "filter");
    }

    private List<OptionView> readOptions() {
        List<OptionView> out = new ArrayList<>();
        JsonNode opts = node.path("options");
        String base = pointer("options");
        if (opts.isArray()) {
            for (int i = 0; i < opts.size(); i++) {
                JsonNode o = opts.get(i);
                out.add(new OptionView(o.path("name").asText(""), o, Pointers.child(base, i)));
            }
        } else if (opts.isObject()) {
            opts.fields()
                    .forEachRemaining(
                            e -> out.add(new OptionView(e.getKey(), e.getValue(), Pointers.child(base, e.getKey()))));
        }
        return List.copyOf(out);
    }

    private List<StepView> readSteps() {
        List<StepView> out = new ArrayList<>();
        JsonNode commands = node.path("sequence").path("commands");
        String base = Pointers.child(pointer("sequence"), "commands");
        if (commands.isArray()) {
            for (int i = 0; i < commands.size(); i++) {
                String p = Pointers.child(base, i);
                StepView step = new StepView(commands.get(i), p, i + 1, false);
                out.add(step);
                JsonNode handler = commands.get(i).path("errorhandler");
                if (handler.isObject()) {
                    out.add(new StepView(handler, Pointers.child(p, "errorhandler"), i + 1, true));
                }
            }
        }
        return List.copyOf(out);
    }
}
