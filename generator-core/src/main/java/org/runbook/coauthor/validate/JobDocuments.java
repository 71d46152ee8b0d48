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

/** Reads a job document in any of Rundeck's formats and lists its jobs; shared by validate and dry-run. */
public final class JobDocuments {
    private JobDocuments() {}

    /**
     * Reads YAML, JSON or XML, chosen by file extension, else by the first character.
     *
     * @throws ParseProblem with the position where reading stopped
     */
    public static ParsedDocument read(String text, String file) {
        String clean = stripBom(text);
        return switch (formatOf(clean, file)) {
            case "json" -> JsonJobReader.read(clean, file);
            case "xml" -> XmlJobReader.read(clean, file);
            default -> YamlJobReader.read(clean, file);
        };
    }

    /** The jobs of a document: the items of a list, or the document itself when it is one job. */
    public static List<JobView> jobs(JsonNode tree) {
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

    public static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** {@code yaml}, {@code json} or {@code xml}: by extension, else by the first non-blank character. */
    public static String formatOf(String text, String file) {
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
        return text.stripLeading().startsWith("<") ? "xml" : "yaml";
    }
}
