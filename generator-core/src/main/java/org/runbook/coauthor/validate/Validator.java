package org.runbook.coauthor.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.JsonJobReader;
import org.runbook.coauthor.validate.read.ParseProblem;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.XmlJobReader;
import org.runbook.coauthor.validate.read.YamlJobReader;
import org.runbook.coauthor.validate.rules.AbstractRule;
import org.runbook.coauthor.validate.rules.Rules;

/**
 * Validates Rundeck job definitions (YAML, JSON or XML) from their text, exactly as it would read a
 * job a human wrote. Returns every finding, sorted; never throws for a problem in the input.
 * Thread-safe: rules are created per run.
 */
public final class Validator {
    private final ValidatorOptions options;

    public Validator() {
        this(ValidatorOptions.defaults());
    }

    public Validator(ValidatorOptions options) {
        this.options = options;
    }

    public List<Finding> validate(String text, String file) {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        ParsedDocument document;
        try {
            document = read(clean, file);
        } catch (ParseProblem e) {
            Finding f = new Finding("RD000", Severity.ERROR, file, e.position().line(), e.position().column(), "",
                    "the document cannot be read as a " + formatOf(clean, file) + " job definition: " + e.getMessage(),
                    "fix the syntax at this position");
            return List.of(f);
        }
        JobSource source = new JobSource(file, clean, document);
        List<JobView> jobs = jobs(document.tree());
        List<Finding> findings = new ArrayList<>();
        for (AbstractRule rule : Rules.defaults()) {
            for (Finding f : rule.check(source, jobs, options)) {
                options.config().apply(f).ifPresent(findings::add);
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }

    /** The jobs of a document: the items of a list, or the document itself when it is one job. */
    static List<JobView> jobs(JsonNode tree) {
        List<JobView> jobs = new ArrayList<>();
        if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                if (tree.get(i).isObject()) {
                    jobs.add(new JobView(tree.get(i), "/" + i, i));
                }
            }
        } else if (tree.isObject()) {
            jobs.add(new JobView(tree, "", 0));
        }
        return jobs;
    }

    static ParsedDocument read(String text, String file) {
        return switch (formatOf(text, file)) {
            case "json" -> JsonJobReader.read(text, file);
            case "xml" -> XmlJobReader.read(text, file);
            default -> YamlJobReader.read(text, file);
        };
    }

    /** By extension, else by the first non-blank character. */
    static String formatOf(String text, String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return "json";
        }
        if (name.endsWith(".xml")) {
            return "xml";
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return "yaml";
        }
        String start = text.stripLeading();
        return start.startsWith("<") ? "xml" : "yaml";
    }
}
