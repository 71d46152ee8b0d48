package org.runbook.coauthor.dryrun.jenkins;

import groovy.lang.Closure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Interprets a declarative {@code pipeline { }}: parameters, environment, then each stage in order
 * (its {@code when}, steps, parallel branches, nested stages, matrix cells), then {@code post},
 * writing the transcript as it goes. A failing stage skips the stages after it, as in Jenkins.
 */
final class Declarative {
    private final Run run;
    private final Recorder rec;
    private final When when;
    private boolean failed;

    Declarative(Run run) {
        this.run = run;
        this.rec = run.recorder();
        this.when = new When(run);
    }

    void run(Closure<?> body) {
        run.pipelineSeen(true);
        Section pipeline = Section.of(run, body);
        rec.line("pipeline (dry-run: nothing is executed; BRANCH_NAME is "
                + Args.value(Args.text(run.env().get("BRANCH_NAME"))) + ")");
        pipeline.first("agent").ifPresent(a -> rec.line("agent: " + agent(a)));
        pipeline.first("parameters").ifPresent(p -> Parameters.declare(run, descriptors(p)));
        for (String directive : List.of("options", "triggers", "tools", "libraries")) {
            pipeline.first(directive)
                    .ifPresent(c -> rec.line(
                            directive + ": " + Section.of(run, c.body()).describe()));
        }
        pipeline.first("environment").ifPresent(this::environment);
        pipeline.first("stages").ifPresent(s -> stages(Section.of(run, s.body())));
        if (failed) {
            run.worsen(BuildResult.FAILURE);
        }
        pipeline.first("post").ifPresent(p -> post(p, run.result()));
        rec.line("result: " + run.result());
    }

    private void stages(Section stages) {
        for (Section.Call stage : stages.all("stage")) {
            stage(stage);
        }
    }

    private void stage(Section.Call call) {
        String name = Args.text(call.first());
        if (failed) {
            rec.line("stage \"" + name + "\": skipped (an earlier stage failed)");
            return;
        }
        Section stage = Section.of(run, call.body());
        Optional<Section.Call> condition = stage.first("when");
        String because = "";
        if (condition.isPresent()) {
            When.Verdict verdict = when.all(Section.of(run, condition.get().body()));
            if (!verdict.pass()) {
                rec.line("stage \"" + name + "\": skipped, when " + verdict.text());
                return;
            }
            because = "   (when " + verdict.text() + ")";
        }
        rec.line("stage \"" + name + "\"" + because);
        rec.nested(() -> run.withEnv(Map.of("STAGE_NAME", name), () -> stageBody(name, stage)));
    }

    private void stageBody(String name, Section stage) {
        stage.first("agent").ifPresent(a -> rec.line("agent: " + agent(a)));
        for (String directive : List.of("options", "tools")) {
            stage.first(directive)
                    .ifPresent(c -> rec.line(
                            directive + ": " + Section.of(run, c.body()).describe()));
        }
        Map<String, Object> scoped =
                stage.first("environment").map(this::environment).orElse(Map.of());
        try {
            stageSteps(name, stage);
        } finally {
            run.restore(scoped);
        }
    }

    private void stageSteps(String name, Section stage) {
        stage.first("input").ifPresent(this::input);
        boolean before = failed;
        failed = false;
        try {
            stage.first("steps").ifPresent(s -> run.steps().call(s.body()));
        } catch (PipelineFailure e) {
            failed = true;
            rec.line("stage \"" + name + "\" fails: " + e.getMessage());
        }
        stage.first("parallel").ifPresent(p -> parallel(Section.of(run, p.body())));
        stage.first("stages").ifPresent(s -> stages(Section.of(run, s.body())));
        stage.first("matrix").ifPresent(m -> matrix(Section.of(run, m.body())));
        BuildResult outcome = failed ? BuildResult.FAILURE : run.result();
        stage.first("post").ifPresent(p -> post(p, outcome));
        failed = failed || before;
    }

    private void parallel(Section branches) {
        rec.line("parallel:");
        boolean any = false;
        rec.in();
        try {
            for (Section.Call branch : branches.all("stage")) {
                failed = false;
                stage(branch);
                any = any || failed;
            }
        } finally {
            rec.out();
        }
        failed = any;
    }

    private void matrix(Section matrix) {
        List<Axis> axes = new ArrayList<>();
        matrix.first("axes")
                .ifPresent(a -> Section.of(run, a.body()).all("axis").forEach(x -> axes.add(axis(x))));
        List<List<Axis>> excludes = new ArrayList<>();
        matrix.first("excludes").ifPresent(e -> Section.of(run, e.body())
                .all("exclude")
                .forEach(x -> excludes.add(Section.of(run, x.body()).all("axis").stream()
                        .map(this::axis)
                        .toList())));
        List<Map<String, String>> cells = new ArrayList<>();
        cells.add(new LinkedHashMap<>());
        for (Axis axis : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> cell : cells) {
                for (String v : axis.values()) {
                    Map<String, String> c = new LinkedHashMap<>(cell);
                    c.put(axis.name(), v);
                    next.add(c);
                }
            }
            cells = next;
        }
        int all = cells.size();
        cells.removeIf(cell -> excludes.stream().anyMatch(ex -> excluded(cell, ex)));
        rec.line("matrix: " + cells.size() + " combinations of "
                + axes.stream().map(a -> a.name() + " " + a.values()).collect(Collectors.joining(" × "))
                + (all == cells.size() ? "" : " (" + (all - cells.size()) + " excluded)"));
        boolean any = false;
        for (Map<String, String> cell : cells) {
            String label = cell.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            failed = false;
            rec.nested(() -> cell(label, cell, matrix));
            any = any || failed;
        }
        failed = any;
    }

    private void cell(String label, Map<String, String> cell, Section matrix) {
        run.withEnv(cell, () -> {
            Optional<Section.Call> condition = matrix.first("when");
            if (condition.isPresent()) {
                When.Verdict verdict = when.all(Section.of(run, condition.get().body()));
                if (!verdict.pass()) {
                    rec.line("cell " + label + ": skipped, when " + verdict.text());
                    return;
                }
            }
            rec.line("cell " + label + ":");
            rec.nested(() -> {
                matrix.first("agent").ifPresent(a -> rec.line("agent: " + agent(a)));
                Map<String, Object> scoped =
                        matrix.first("environment").map(this::environment).orElse(Map.of());
                matrix.first("stages").ifPresent(s -> stages(Section.of(run, s.body())));
                BuildResult outcome = failed ? BuildResult.FAILURE : run.result();
                matrix.first("post").ifPresent(p -> post(p, outcome));
                run.restore(scoped);
            });
        });
    }

    /** One axis of a matrix, or one axis condition of an {@code exclude}. */
    private record Axis(String name, List<String> values, List<String> notValues) {}

    private Axis axis(Section.Call call) {
        Section s = Section.of(run, call.body());
        String name = s.first("name").map(c -> Args.text(c.first())).orElse("?");
        return new Axis(name, strings(s.first("values")), strings(s.first("notValues")));
    }

    private static List<String> strings(Optional<Section.Call> call) {
        List<String> out = new ArrayList<>();
        call.ifPresent(c -> {
            for (Object v : c.values()) {
                out.add(Args.text(v));
            }
        });
        return out;
    }

    private static boolean excluded(Map<String, String> cell, List<Axis> exclude) {
        for (Axis a : exclude) {
            String v = cell.get(a.name());
            boolean hit = a.values().isEmpty()
                    ? !a.notValues().contains(v)
                    : a.values().contains(v);
            if (!hit) {
                return false;
            }
        }
        return !exclude.isEmpty();
    }

    /** Applies an {@code environment} section; returns what to restore when its scope ends. */
    private Map<String, Object> environment(Section.Call call) {
        rec.line("environment:");
        Map<String, Object> replaced = new LinkedHashMap<>();
        rec.nested(() -> replaced.putAll(Section.environment(run, call.body()).replaced()));
        return replaced;
    }

    private void input(Section.Call call) {
        Section input = Section.of(run, call.body());
        Map<String, Object> named = new LinkedHashMap<>();
        List<Descriptor> params = new ArrayList<>();
        for (Section.Call c : input.calls()) {
            if (c.name().equals("parameters")) {
                params.addAll(descriptors(c));
            } else {
                named.put(c.name(), c.first());
            }
        }
        rec.step(Args.call("input", new Object[] {named}) + "   (a dry-run approves it)");
        for (Descriptor p : params) {
            run.env().put(Args.text(p.arg("name")), Args.text(Parameters.defaultValue(p)));
        }
    }

    private void post(Section.Call call, BuildResult outcome) {
        Section post = Section.of(run, call.body());
        rec.line("post:");
        rec.nested(() -> {
            Post.summary(post, outcome, rec);
            for (Section.Call condition : post.calls()) {
                rec.line(condition.name() + ":");
                try {
                    run.steps().nested(condition.body());
                } catch (PipelineFailure e) {
                    rec.nested(() -> rec.line("fails: " + e.getMessage()));
                }
            }
        });
    }

    private String agent(Section.Call call) {
        Object first = call.first();
        if (call.body() != null) {
            return Section.of(run, call.body()).describe();
        }
        return first instanceof Descriptor d ? d.name() : Args.list(call.values());
    }

    private List<Descriptor> descriptors(Section.Call call) {
        return Section.of(run, call.body()).calls().stream()
                .map(Section::descriptor)
                .toList();
    }
}
