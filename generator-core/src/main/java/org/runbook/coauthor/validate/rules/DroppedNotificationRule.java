package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.YamlValues;

/**
 * RD011: notifications Rundeck drops or refuses. On import {@code ScheduledExecution.fromMap} reads
 * only triggers named {@code on...} and, in each entry, only {@code email}, {@code urls} and
 * {@code plugin}; a bare {@code recipients:} under {@code onsuccess:} or a {@code type: email} entry
 * is dropped without a word, so the job runs and nobody is told.
 */
public final class DroppedNotificationRule extends AbstractRule {
    private static final List<String> TRIGGERS =
            List.of("onsuccess", "onfailure", "onstart", "onavgduration", "onretryablefailure");
    private static final List<String> ENTRY = List.of("email", "urls", "plugin", "httpMethod", "format");
    private static final List<String> EMAIL =
            List.of("recipients", "subject", "attachLog", "attachLogInFile", "attachLogInline");
    private static final List<String> PLUGIN = List.of("type", "configuration");
    private static final Set<String> WEBHOOK = Set.of("webhook", "webhooks", "url", "webhookurl", "http");

    @Override
    public String id() {
        return "RD011";
    }

    @Override
    public String title() {
        return "notification that Rundeck drops or refuses";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        JsonNode notification = job.node().get("notification");
        if (notification == null || !notification.isObject()) {
            return; // RD003 reports a notification that is not a map
        }
        String base = job.pointer("notification");
        for (Iterator<String> it = notification.fieldNames(); it.hasNext(); ) {
            String trigger = it.next();
            String pointer = Pointers.child(base, trigger);
            JsonNode value = notification.get(trigger);
            if (!TRIGGERS.contains(trigger)) {
                Optional<String> meant = DidYouMean.closest(trigger, TRIGGERS);
                reportKey(
                        pointer,
                        "unknown notification trigger \"" + trigger + "\"; "
                                + (trigger.startsWith("on")
                                        ? "Rundeck refuses the job (\"Invalid Notification definition\")"
                                        : "Rundeck ignores it, so nothing is sent"),
                        meant.map(m -> "did you mean \"" + m + "\"?").orElse("use one of " + quoted(TRIGGERS)));
            } else if (value.isObject()) {
                entry(trigger, value, pointer);
            } else if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) {
                        entry(trigger, value.get(i), Pointers.child(pointer, i));
                    } else {
                        notMap(trigger, value.get(i), Pointers.child(pointer, i));
                    }
                }
            } else if (!value.isNull()) {
                notMap(trigger, value, pointer);
            }
        }
    }

    private void notMap(String trigger, JsonNode value, String pointer) {
        String text = value.asText("");
        String hint = text.contains("@")
                ? "write " + trigger + ": {email: {recipients: \"" + text + "\"}}"
                : text.startsWith("http")
                        ? "write " + trigger + ": {urls: \"" + text + "\"}"
                        : "write " + trigger + ": {email: {recipients: ...}}";
        report(
                pointer,
                "notification \"" + trigger + "\" is " + YamlValues.typeName(value)
                        + "; Rundeck reads nothing from it, so nothing is sent",
                hint);
    }

    private void entry(String trigger, JsonNode entry, String pointer) {
        String where = "notification \"" + trigger + "\"";
        boolean reported = false;
        List<String> emailKeys = new ArrayList<>();
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String kp = Pointers.child(pointer, key);
            if (ENTRY.contains(key) || ((key.equals("config") || key.equals("configuration")) && entry.has("type"))) {
                continue;
            }
            reported = true;
            if (key.equals("type")) {
                String type = entry.get("type").asText("");
                String hint = type.equalsIgnoreCase("email")
                        ? "write email: {recipients: \""
                                + entry.path("config").path("recipients").asText("...") + "\", subject: ...}"
                        : "write plugin: {type: " + type + ", configuration: {...}}";
                reportKey(
                        kp,
                        "\"type: " + type + "\" in " + where
                                + " is not read; Rundeck reads only \"email\", \"urls\" and"
                                + " \"plugin\" here, so nothing is sent",
                        hint);
            } else if (EMAIL.contains(key)) {
                emailKeys.add(key);
            } else if (WEBHOOK.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                reportKey(
                        kp,
                        "\"" + key + "\" in " + where + " is dropped; Rundeck sends webhooks only to \"urls\"",
                        "write urls: \"" + firstText(entry.get(key)) + "\"");
            } else {
                Optional<String> meant = DidYouMean.closest(key, ENTRY);
                reportKey(
                        kp,
                        "unknown key \"" + key + "\" in " + where + "; Rundeck ignores it"
                                + (meant.isPresent() ? "" : "; it reads " + quoted(ENTRY.subList(0, 3)) + " here"),
                        meant.map(m -> "did you mean \"" + m + "\"?").orElse("remove it"));
            }
        }
        if (!emailKeys.isEmpty()) {
            String names = emailKeys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(" and "));
            reportKey(
                    Pointers.child(pointer, emailKeys.get(0)),
                    names + " directly under \"" + trigger + "\" "
                            + (emailKeys.size() == 1 ? "is" : "are") + " dropped; Rundeck reads "
                            + (emailKeys.size() == 1 ? "it" : "them")
                            + " only under \"email\", so no email is sent",
                    "move " + names + " under \"email:\"");
        }
        if (!reported && !entry.has("email") && !entry.has("urls") && !entry.has("plugin")) {
            report(
                    pointer,
                    where + " has no \"email\", \"urls\" or \"plugin\", so nothing is sent",
                    "add email: {recipients: ...}, urls: ... or plugin: {type: ...}");
        }
        sub(
                entry.get("email"),
                Pointers.child(pointer, "email"),
                where,
                "email",
                EMAIL,
                ": \"Email address cannot be blank\"");
        JsonNode plugin = entry.path("plugin");
        for (int i = 0; i < plugin.size() && plugin.isArray(); i++) {
            sub(plugin.get(i), Pointers.child(Pointers.child(pointer, "plugin"), i), where, "plugin", PLUGIN, "");
        }
        if (!plugin.isArray()) {
            sub(entry.get("plugin"), Pointers.child(pointer, "plugin"), where, "plugin", PLUGIN, "");
        }
    }

    /**
     * The {@code email} or {@code plugin} map of an entry: only its known keys, and its required key.
     * An unknown key that stands for the missing required key gives one finding, not two.
     */
    private void sub(JsonNode node, String pointer, String where, String name, List<String> keys, String refusal) {
        if (node == null || node.isNull()) {
            return;
        }
        String required = keys.get(0);
        String label = "\"" + name + "\" of " + where;
        if (!node.isObject()) {
            report(
                    pointer,
                    label + " is " + YamlValues.typeName(node) + " but must be a map with \"" + required + "\"",
                    "write " + name + ": {" + required + ": ...}");
            return;
        }
        JsonNode r = node.get(required);
        boolean missing = r == null || r.isNull() || r.asText().isBlank();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (keys.contains(key)) {
                continue;
            }
            Optional<String> meant =
                    key.equals("config") ? Optional.of("configuration") : DidYouMean.closest(key, keys);
            boolean standsIn = missing && meant.map(required::equals).orElse(true);
            missing &= !standsIn;
            reportKey(
                    Pointers.child(pointer, key),
                    "unknown key \"" + key + "\" in the " + label + "; Rundeck ignores it"
                            + (standsIn
                                    ? ", and refuses " + (name.equals("email") ? "an email" : "a plugin")
                                            + " without \"" + required + "\""
                                    : ""),
                    meant.map(m -> "did you mean \"" + m + "\"?")
                            .orElse(
                                    standsIn
                                            ? "rename \"" + key + "\" to \"" + required + "\""
                                            : "use " + quoted(keys)));
        }
        if (missing) {
            report(
                    pointer,
                    label + " has no \"" + required + "\"; Rundeck refuses it" + refusal,
                    name.equals("email")
                            ? "add recipients: \"ops@example.com\""
                            : "add \"type\" with the notification plugin's provider name");
        }
    }

    private static String firstText(JsonNode v) {
        return v.isArray() && !v.isEmpty() ? v.get(0).asText() : v.asText("...");
    }

    private static String quoted(List<String> values) {
        return values.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    }
}
