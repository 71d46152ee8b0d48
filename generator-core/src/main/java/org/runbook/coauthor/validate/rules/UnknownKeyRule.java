package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.JobKeyTable;
import org.runbook.coauthor.validate.support.JobKeyTable.Context;
import org.runbook.coauthor.validate.support.JobKeyTable.Place;
import org.runbook.coauthor.validate.support.KeyAdvice;

/**
 * RD002: a key Rundeck does not read where it reads a fixed key set. {@code fromMap} picks the keys
 * it knows and drops the rest without a word, so a typo silently changes what the job does (a
 * misspelled node filter makes the job run on the Rundeck server). Plugin configuration maps are
 * free-form and not checked; notifications are RD011's; keys only Rundeck Enterprise reads are
 * warnings.
 */
public final class UnknownKeyRule extends AbstractRule {
    private static final int LIST_IN_MESSAGE = 12;
    private static final String LOCAL = "the job runs on the Rundeck server instead of the nodes";

    @Override
    public String id() {
        return "RD002";
    }

    @Override
    public String title() {
        return "key that Rundeck does not read (misspelled or misplaced)";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPre(JobView job) {
        for (Place place : JobKeyTable.places(job)) {
            boolean step = isStep(place.context());
            for (Iterator<String> it = place.node().fieldNames(); it.hasNext(); ) {
                String key = it.next();
                // RD005 reports a second step kind; an unknown key without a value loses nothing
                // (<schedules/> and <additional/> in XML exports); "<<" is a YAML 1.1 merge key, which
                // Rundeck's SnakeYAML expands
                if (!place.context().keys().containsKey(key)
                        && !key.equals("<<")
                        && !(step && JobKeyTable.STEP_KINDS.contains(key))
                        && !empty(place.node().get(key))) {
                    check(place, key, step);
                }
            }
        }
    }

    private void check(Place place, String key, boolean step) {
        String pointer = Pointers.child(place.pointer(), key);
        Context ctx = place.context();
        JsonNode value = place.node().get(key);
        if (ctx == JobKeyTable.JOB && KeyAdvice.enterprise(key).isPresent()) {
            reportKey(
                    Severity.WARNING,
                    pointer,
                    KeyAdvice.enterprise(key).get(),
                    "remove it if this job is for open-source Rundeck");
            return;
        }
        String head = "unknown key \"" + key + "\" in " + place.where() + "; Rundeck ignores it";
        boolean local =
                ctx == JobKeyTable.JOB && !place.node().path("nodefilters").has("filter");
        if (ctx == JobKeyTable.JOB
                && value.isTextual()
                && key.toLowerCase(Locale.ROOT).contains("filter")) {
            reportKey(
                    pointer,
                    head + (local ? ", so " + LOCAL : ""),
                    "write the node filter as nodefilters: {filter: \"" + value.asText() + "\"}");
            return;
        }
        String advice = KeyAdvice.advice(ctx.id(), key).orElse("");
        if (advice.startsWith("move:")) {
            String to = advice.substring(5);
            String target = to.startsWith("the job") ? to : "\"" + to + "\"";
            String consequence = KeyAdvice.consequence(to.startsWith("the job") ? "job" : to, key)
                    .map(c -> ", so " + c)
                    .orElse("");
            reportKey(
                    pointer,
                    head + " here" + consequence + "; it belongs in " + target,
                    "move \"" + key + "\" to " + target);
            return;
        }
        if (advice.equals("nofilter")) {
            reportKey(
                    pointer,
                    head + "; a step has no node filter of its own, only a job reference has",
                    "set the node filter on the job, or call a job with \"jobref.nodefilters\"");
            return;
        }
        Set<String> candidates = candidates(place, step);
        Optional<String> meant =
                advice.startsWith("rename:") ? Optional.of(advice.substring(7)) : DidYouMean.closest(key, candidates);
        if (meant.isPresent() && !place.node().has(meant.get())) {
            String consequence = consequence(place, meant.get(), step);
            reportKey(
                    pointer,
                    head + (consequence == null ? "" : ", so " + consequence),
                    "did you mean \"" + meant.get() + "\"?");
        } else if (meant.isPresent()) {
            reportKey(pointer, head + "; \"" + meant.get() + "\" is already set", "remove \"" + key + "\"");
        } else {
            String known = candidates.stream()
                    .sorted(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)))
                    .map(s -> "\"" + s + "\"")
                    .collect(Collectors.joining(", "));
            if (candidates.size() <= LIST_IN_MESSAGE) {
                reportKey(
                        pointer,
                        head + "; the keys read here are " + known,
                        "remove it or rename it to one of these keys");
            } else {
                reportKey(pointer, head, "remove it, or use one of the keys read here: " + known);
            }
        }
    }

    private static String consequence(Place place, String meant, boolean step) {
        if (step
                && JobKeyTable.STEP_KINDS.contains(meant)
                && JobKeyTable.STEP_KINDS.stream().noneMatch(k -> JobKeyTable.present(place.node(), k))) {
            return "the step has nothing to run and Rundeck refuses it";
        }
        if (place.context() == JobKeyTable.NODEFILTERS
                && meant.equals("filter")
                && (place.node().has("include") || place.node().has("exclude"))) {
            return null;
        }
        return KeyAdvice.consequence(step ? "step" : place.context().id(), meant)
                .orElse(null);
    }

    /** The keys of the place; for a step whose kind cannot be told, those of every step form. */
    private static Set<String> candidates(Place place, boolean step) {
        if (step && place.context() == JobKeyTable.PLUGIN_STEP && !JobKeyTable.present(place.node(), "type")) {
            Set<String> all = new LinkedHashSet<>();
            for (Context c : List.of(JobKeyTable.COMMAND_STEP, JobKeyTable.JOBREF_STEP, JobKeyTable.PLUGIN_STEP)) {
                all.addAll(c.names());
            }
            return all;
        }
        Set<String> keys = new LinkedHashSet<>(place.context().names());
        if (step) {
            keys.removeIf(
                    k -> JobKeyTable.STEP_KINDS.contains(k) && !place.node().has(k));
        }
        return keys;
    }

    private static boolean isStep(Context c) {
        return c == JobKeyTable.COMMAND_STEP || c == JobKeyTable.JOBREF_STEP || c == JobKeyTable.PLUGIN_STEP;
    }

    private static boolean empty(JsonNode v) {
        return v == null
                || v.isNull()
                || (v.isTextual() && v.asText().isBlank())
                || (v.isContainerNode() && v.isEmpty());
    }
}
