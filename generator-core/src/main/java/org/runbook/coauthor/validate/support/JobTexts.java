package org.runbook.coauthor.validate.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.Pointers;

/**
 * Every text value of a job, sorted into shell code, prose (names, descriptions) and configuration
 * (plugin settings, URLs, option values, notification settings), each with the pointer to report at
 * and a short description of where it is, for messages ({@code step 2 setting "sslVerify"}).
 */
public final class JobTexts {
    /** What a text is. */
    public enum Kind {
        SHELL,
        PROSE,
        CONFIG
    }

    /** One text value. */
    public record Text(String pointer, String key, String text, Kind kind, String place) {}

    private static final Set<String> PROSE = Set.of("description", "label", "name", "group", "uuid", "id", "project");
    private static final int MAX_DEPTH = 64;

    private JobTexts() {}

    public static List<Text> of(JobView job) {
        Set<String> shell = new HashSet<>();
        for (StepView s : job.steps()) {
            ShellCommands.of(s).forEach(src -> shell.add(src.pointer()));
        }
        List<Text> out = new ArrayList<>();
        walk(job, job.node(), job.pointer(), "", shell, out, 0);
        return out;
    }

    private static void walk(
            JobView job, JsonNode node, String pointer, String key, Set<String> shell, List<Text> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isTextual() && node.asText().length() <= ShellCommands.MAX_TEXT) {
            Kind kind = shell.contains(pointer) ? Kind.SHELL : PROSE.contains(key) ? Kind.PROSE : Kind.CONFIG;
            out.add(new Text(pointer, key, node.asText(), kind, place(job, pointer)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(job, node.get(i), Pointers.child(pointer, i), key, shell, out, depth + 1);
            }
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                walk(job, e.getValue(), Pointers.child(pointer, e.getKey()), e.getKey(), shell, out, depth + 1);
            }
        }
    }

    /** {@code step 2}, {@code step 2 setting "url"}, {@code option "token"}, or {@code setting "notification.onsuccess.urls"}. */
    public static String place(JobView job, String pointer) {
        for (StepView s : job.steps()) {
            if (pointer.equals(s.pointer()) || pointer.startsWith(s.pointer() + "/")) {
                if (!s.errorHandler() && pointer.startsWith(s.pointer() + "/errorhandler")) {
                    continue;
                }
                String config = s.pointer("configuration") + "/";
                return pointer.startsWith(config)
                        ? s.label() + " setting \""
                                + unescape(pointer.substring(config.length()).split("/")[0]) + "\""
                        : s.label();
            }
        }
        for (OptionView o : job.options()) {
            if (pointer.equals(o.pointer()) || pointer.startsWith(o.pointer() + "/")) {
                return "option \"" + o.name() + "\"";
            }
        }
        String rel = pointer.substring(Math.min(pointer.length(), job.pointer().length()));
        return "setting \"" + Pointers.yamlPath(rel).replaceFirst("^\\$\\.?", "") + "\"";
    }

    private static String unescape(String part) {
        return part.replace("~1", "/").replace("~0", "~");
    }
}
