package org.runbook.coauthor.author.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.OptionType;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanSchedule;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.PlanTarget;
import org.runbook.coauthor.plan.Provenance;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;

/**
 * Turns chosen blocks into a plan: binds every block parameter to a job option, a literal, an
 * earlier block's output or a derived value; wires the node selector; adds a confirmation option
 * when a step is destructive; fills the step templates in the order asked; attaches the schedule the
 * request asks for ({@link ScheduleParser}).
 */
final class PlanAssembler {
    static final String CONFIRM_OPTION = "confirm";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z0-9_]+)\\s*}}");

    private final Map<String, PlanOption> options = new LinkedHashMap<>();
    private final Set<String> explicitlyAsked = new HashSet<>();
    private final List<String> notes;

    /** @param notes what retrieval found, kept in the plan's provenance; more notes are added here */
    PlanAssembler(List<String> notes) {
        this.notes = new ArrayList<>(notes);
    }

    RunbookPlan assemble(List<Selection> selections, ParsedRequest request, String category, Target target) {
        List<String> unmatched = matchPhrases(selections, request.optionPhrases());
        boolean onNodes = selections.stream().anyMatch(s -> s.block().runOn() == RunOn.NODES);
        int threadcount = selections.stream()
                .mapToInt(s -> s.block().threadcount())
                .filter(t -> t > 0)
                .min()
                .orElse(1);
        boolean rolling = selections.stream().anyMatch(s -> s.block().threadcount() == 1);
        PlanTarget planTarget = PlanTarget.server();
        if (onNodes) {
            NodeTargeting.Targeting t = NodeTargeting.resolve(request.text(), unmatched, rolling);
            t.option().ifPresent(o -> options.put(o.name(), o));
            unmatched.removeIf(
                    p -> t.option().isPresent() && p.matches("(?i).*\\b(host|hostname|node|server|machine)s?\\b.*"));
            planTarget = new PlanTarget(RunOn.NODES, t.selector(), threadcount, false);
            notes.add("nodes: " + t.why());
        }
        unmatched.forEach(p -> notes.add("\"" + p + "\" did not match a parameter of the chosen blocks"));

        List<Map<String, String>> bindings = new ArrayList<>();
        List<PlanStep> steps = new ArrayList<>();
        for (int i = 0; i < selections.size(); i++) {
            Selection selection = selections.get(i);
            Map<String, String> values = bind(selection, request, bindings, selections);
            bindings.add(values);
            int n = 1;
            for (StepTemplate template : selection.block().steps()) {
                steps.add(step(selection.block(), template, values, target, steps.size() + 1, n++));
            }
        }
        Risk risk = steps.stream().map(PlanStep::risk).reduce(Risk.READ_ONLY, Risk::max);
        if (risk == Risk.DESTRUCTIVE) {
            options.put(
                    CONFIRM_OPTION,
                    new PlanOption(
                            CONFIRM_OPTION,
                            "This job is destructive. Choose \"yes\" to confirm that you mean to run it.",
                            OptionType.ENUM,
                            true,
                            false,
                            null,
                            null,
                            List.of("yes"),
                            null,
                            false));
        }
        List<String> blockIds = selections.stream().map(s -> s.block().id()).toList();
        ScheduleParser.Reading scheduleReading = ScheduleParser.read(request.text());
        PlanSchedule schedule = scheduleReading.schedule().orElse(null);
        scheduleReading.note().ifPresent(notes::add);
        RunbookPlan plan = new RunbookPlan(
                name(selections),
                "coauthor/"
                        + slug(
                                category != null
                                        ? category
                                        : selections.get(0).block().category()),
                summary(request.text()),
                category != null ? category : selections.get(0).block().category(),
                List.copyOf(options.values()),
                planTarget,
                steps,
                List.of(),
                schedule,
                new Provenance("offline", blockIds, null, null, notes));
        if (schedule == null) {
            return plan;
        }
        notes.add(scheduleNote(schedule, plan.promptOnlyOptions()));
        return plan.withProvenance(new Provenance("offline", blockIds, null, null, notes));
    }

    /**
     * Says which schedule was read and, when required options have no default, that it is kept in
     * the plan but not set on the job: a scheduled run has nobody to prompt (Rundeck refuses such a
     * job; Jenkins would fail every timed build), so the request should name defaults instead.
     */
    private static String scheduleNote(PlanSchedule schedule, List<PlanOption> promptOnly) {
        String read = "schedule: " + schedule.description() + " (cron \"" + schedule.cron() + "\")";
        List<String> prompt =
                promptOnly.stream().map(o -> "\"" + o.name() + "\"").toList();
        if (prompt.isEmpty()) {
            return read;
        }
        return read + " is not set on the job: a scheduled run cannot prompt for the required option"
                + (prompt.size() == 1 ? " " : "s ") + String.join(", ", prompt)
                + "; name a value for " + (prompt.size() == 1 ? "it" : "them") + " in the request to schedule it";
    }

    /** Assigns each option phrase to the best-matching parameter; returns the phrases nothing took. */
    private List<String> matchPhrases(List<Selection> selections, List<String> phrases) {
        List<String> unmatched = new ArrayList<>();
        for (String phrase : phrases) {
            Set<String> words = new HashSet<>(Words.terms(phrase));
            if (words.isEmpty()) {
                continue;
            }
            String best = null;
            double bestScore = 0;
            for (Selection s : selections) {
                for (BlockParam p : s.block().params()) {
                    if (p.derive() != null) {
                        continue;
                    }
                    double score = ParamMatch.score(p, words);
                    if (score > bestScore) {
                        bestScore = score;
                        best = p.name();
                    }
                }
            }
            if (best != null && bestScore >= ParamMatch.THRESHOLD) {
                explicitlyAsked.add(best);
            } else {
                unmatched.add(phrase);
            }
        }
        return unmatched;
    }

    /** Value expressions of one block's parameters: option references, literals or derived templates. */
    private Map<String, String> bind(
            Selection selection, ParsedRequest request, List<Map<String, String>> earlier, List<Selection> all) {
        Block block = selection.block();
        Map<String, String> values = new LinkedHashMap<>();
        for (BlockParam p : block.params()) {
            if (p.derive() != null) {
                continue;
            }
            if (p.consumes() != null && !explicitlyAsked.contains(p.name())) {
                String produced = producedBefore(p.consumes(), earlier, all);
                if (produced != null) {
                    values.put(p.name(), produced);
                    continue;
                }
            }
            values.put(p.name(), OptionRefs.of(option(p, selection, request).name()));
        }
        for (BlockParam p : block.params()) {
            if (p.derive() != null) {
                values.put(p.name(), fill(p.derive(), values, false));
            }
        }
        return values;
    }

    private static String producedBefore(String kind, List<Map<String, String>> earlier, List<Selection> all) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            for (BlockParam p : all.get(i).block().params()) {
                if (kind.equals(p.produces())) {
                    return earlier.get(i).get(p.name());
                }
            }
        }
        return null;
    }

    private PlanOption option(BlockParam p, Selection selection, ParsedRequest request) {
        PlanOption existing = options.get(p.name());
        boolean sole = selection.block().params().stream()
                        .filter(o -> o.type() == p.type())
                        .count()
                == 1;
        String literal = LiteralValues.find(p, selection.clause(), sole).orElse(null);
        if (existing != null) {
            if (existing.defaultValue() == null && literal != null && !existing.secure()) {
                options.put(p.name(), existing.withDefault(literal).withRequired(false));
            }
            return options.get(p.name());
        }
        if (literal == null && selection.clause().equals(request.actionText())) {
            literal = LiteralValues.find(p, request.text(), sole).orElse(null);
        }
        boolean secret = p.type() == ParamType.SECRET;
        String value = secret ? null : literal != null ? literal : p.defaultValue();
        if (literal != null) {
            notes.add("option \"" + p.name() + "\" defaults to \"" + literal + "\" taken from the request");
        }
        List<String> values =
                p.type() == ParamType.BOOLEAN && p.values().isEmpty() ? List.of("true", "false") : p.values();
        PlanOption option = new PlanOption(
                p.name(),
                p.description(),
                p.type().optionType(),
                value == null && (p.required() || explicitlyAsked.contains(p.name())),
                secret,
                secret ? "keys/coauthor/" + p.name() : null,
                value,
                values,
                values.isEmpty() ? p.effectiveRegex() : null,
                p.type() == ParamType.LIST);
        options.put(p.name(), option);
        return option;
    }

    private static PlanStep step(
            Block block, StepTemplate template, Map<String, String> values, Target target, int index, int n) {
        Map<String, String> override = template.targets().getOrDefault(target.toString(), Map.of());
        Action action = template.action();
        String run = template.run();
        Map<String, String> with = template.with();
        if (target == Target.JENKINS && override.containsKey("step")) {
            action = Action.PLUGIN;
            with = Map.of("type", "jenkins-step", "call", override.get("step"));
            run = null;
        } else if (!override.isEmpty()) {
            action = override.containsKey("action") ? Action.fromWire(override.get("action")) : action;
            run = override.getOrDefault("run", run);
        }
        Map<String, String> params = new LinkedHashMap<>();
        switch (action) {
            case COMMAND -> params.put("command", fill(run, values, true));
            case SCRIPT -> params.put("script", fill(run, values, true));
            case WAIT_UNTIL -> params.put("condition", fill(run, values, true));
            default -> {}
        }
        with.forEach((k, v) -> params.put(k, fill(v, values, false)));
        String id = block.id().substring(block.id().indexOf('.') + 1) + "-" + n;
        return new PlanStep(
                id,
                template.title(),
                action,
                params,
                template.runOn() != null ? template.runOn() : block.runOn(),
                null,
                template.risk() != null ? template.risk() : block.risk(),
                block.id());
    }

    /** Replaces placeholders; in shell text literal values are escaped for the double quotes around them. */
    private static String fill(String template, Map<String, String> values, boolean shell) {
        if (template == null) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(shell ? OptionRefs.escapeForDoubleQuotes(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String name(List<Selection> selections) {
        StringBuilder name = new StringBuilder(selections.get(0).block().title());
        for (int i = 1; i < selections.size(); i++) {
            String title = selections.get(i).block().title();
            name.append(i == selections.size() - 1 ? ", then " : ", ")
                    .append(Character.toLowerCase(title.charAt(0)))
                    .append(title.substring(1));
        }
        String text = name.toString().replace('/', '-');
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    private static String summary(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 197) + "..." : one;
    }

    static String slug(String category) {
        return category.toLowerCase(Locale.ROOT)
                .replace("&", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
    }
}
