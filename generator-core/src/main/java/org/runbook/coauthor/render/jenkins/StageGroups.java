package org.runbook.coauthor.render.jenkins;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;

/**
 * How plan steps become stages: one stage per step, except that consecutive node steps from the
 * same catalog block share a stage, because they must run node first (stop the service, wait for
 * it, check it on one node before the next) and a stage runs one step on all hosts.
 */
final class StageGroups {
    /** One stage: its unique name, its steps, and whether they run on the nodes over SSH. */
    record Group(String name, List<PlanStep> steps, boolean onNodes) {
        Risk risk() {
            return steps.stream().map(PlanStep::risk).reduce(Risk.READ_ONLY, Risk::max);
        }
    }

    private static final int MAX_NAME = 80;

    private StageGroups() {}

    static List<Group> of(List<PlanStep> steps, boolean dispatch, Set<String> taken) {
        List<List<PlanStep>> runs = new ArrayList<>();
        List<Boolean> remote = new ArrayList<>();
        for (PlanStep step : steps) {
            boolean onNodes = dispatch && step.runOn() == RunOn.NODES && StepShell.isShell(step);
            int last = runs.size() - 1;
            if (onNodes
                    && last >= 0
                    && remote.get(last)
                    && Objects.equals(runs.get(last).get(0).source(), step.source())) {
                runs.get(last).add(step);
            } else {
                runs.add(new ArrayList<>(List.of(step)));
                remote.add(onNodes);
            }
        }
        Set<String> names = new HashSet<>(taken);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String base = name(runs.get(i));
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + " (" + n + ")";
            }
            groups.add(new Group(name, List.copyOf(runs.get(i)), remote.get(i)));
        }
        return groups;
    }

    private static String name(List<PlanStep> steps) {
        String first = steps.get(0).title().strip().replaceAll("\\s+", " ");
        if (steps.size() == 1) {
            return cut(first);
        }
        String joined = String.join(
                ", then ",
                steps.stream()
                        .map(s -> s.title().strip().replaceAll("\\s+", " "))
                        .toList());
        return joined.length() <= MAX_NAME
                ? joined
                : cut(first) + " (+" + (steps.size() - 1) + " more step" + (steps.size() > 2 ? "s" : "") + ")";
    }

    private static String cut(String title) {
        return title.length() <= MAX_NAME ? title : title.substring(0, MAX_NAME - 3) + "...";
    }
}
