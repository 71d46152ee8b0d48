package org.runbook.coauthor.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.JobArgs;
import org.runbook.coauthor.validate.support.JobLibrary;
import org.runbook.coauthor.validate.support.JobLibrary.Job;
import org.runbook.coauthor.validate.support.StepNameMatch;

/**
 * RD303: a job reference names no job, which fails the step when it runs (a reference with neither
 * name nor uuid is rejected on import, and RD001 reports it). References resolve
 * against the jobs of the same document and, with {@code --library}, of a directory of job files;
 * without a library only references to jobs of the document can be checked. When the referenced job
 * is found, each {@code -name} in {@code args} should be one of its options (a warning: Rundeck passes
 * an undeclared option on without a word, so a misspelt name goes unnoticed and the job runs with its
 * default).
 */
public final class UnresolvedJobReferenceRule extends AbstractRule {
    private final List<Job> candidates = new ArrayList<>();

    @Override
    public String id() {
        return "RD303";
    }

    @Override
    public String title() {
        return "job reference matches no job, or passes options the job does not define";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitDocument(JobSource document) {
        candidates.clear();
        List<JobView> own = new ArrayList<>();
        JsonNode tree = document.tree();
        if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                if (tree.get(i).isObject()) {
                    own.add(new JobView(tree.get(i), "/" + i, i));
                }
            }
        } else if (tree.isObject()) {
            own.add(new JobView(tree, "", 0));
        }
        candidates.addAll(JobLibrary.of(own, document.file()));
        if (options().library() != null) {
            candidates.addAll(JobLibrary.load(options().library()));
        }
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        JsonNode ref = step.node().path("jobref");
        if (step.kind() != StepView.Kind.JOBREF || !ref.isObject()) {
            return;
        }
        String name = text(ref, "name");
        String uuid = text(ref, "uuid");
        String group = JobLibrary.trimSlashes(text(ref, "group"));
        String project = !text(ref, "project").isEmpty() ? text(ref, "project") : text(step.node(), "project");
        if (name.isEmpty() && uuid.isEmpty()) {
            return; // RD001: the schema requires a name or a uuid ("Job Name must be specified")
        }
        if ((name + uuid + group + project).contains("${")) {
            return; // resolved at run time
        }
        List<Job> scope = candidates;
        if (!project.isEmpty()) {
            scope = candidates.stream().filter(j -> j.project().equals(project)).toList();
            if (scope.isEmpty()) {
                return; // a job of another project, which neither the document nor the library describes
            }
        }
        JsonNode useNameFlag = ref.path("useName");
        boolean useName = useNameFlag.isMissingNode() || useNameFlag.isNull()
                ? !name.isEmpty() && uuid.isEmpty()
                : useNameFlag.asText().equals("true");
        boolean byUuid = !useName && !uuid.isEmpty();
        Optional<Job> target = scope.stream()
                .filter(j -> byUuid ? j.uuid().equals(uuid) : matchesName(j, name, group))
                .findFirst();
        if (target.isPresent()) {
            checkArgs(step, ref, target.get());
        } else if (options().library() != null) {
            reportMissing(step, scope, byUuid, name, group, uuid);
        }
    }

    private void reportMissing(StepView step, List<Job> scope, boolean byUuid, String name, String group, String uuid) {
        String label = group.isEmpty() ? name : group + "/" + name;
        if (byUuid) {
            String byName = scope.stream()
                    .filter(j -> !name.isEmpty() && matchesName(j, name, group))
                    .map(j -> "; job \"" + j.label() + "\" has uuid \"" + j.uuid() + "\"")
                    .findFirst()
                    .orElse("");
            report(
                    Severity.ERROR,
                    step.pointer("jobref") + "/uuid",
                    step.label() + " references the job with uuid \"" + uuid
                            + "\", but no job in the document or the library has that uuid" + byName,
                    byName.isEmpty()
                            ? "fix the uuid, or add the referenced job to the library"
                            : "fix the uuid, or reference the job by name with \"useName: true\"");
            return;
        }
        Set<String> sameName = scope.stream()
                .filter(j -> j.name().equals(name))
                .map(Job::label)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String others = sameName.isEmpty()
                ? ""
                : "; jobs with that name exist as "
                        + sameName.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        String pointer = step.pointer("jobref") + (sameName.isEmpty() ? "/name" : "/group");
        report(
                Severity.ERROR,
                pointer,
                step.label() + " references job \"" + label + "\", but no job in the document "
                        + "or the library has that name and group" + others,
                sameName.isEmpty()
                        ? "fix the name and group, or add the referenced job to the library"
                        : "set \"group\" to the group of the job you mean");
    }

    private void checkArgs(StepView step, JsonNode ref, Job target) {
        JsonNode args = ref.path("args");
        if (!args.isTextual()) {
            return;
        }
        for (JobArgs.Arg arg : JobArgs.options(args.asText())) {
            if (arg.name().contains("${") || target.options().contains(arg.name())) {
                continue;
            }
            Optional<String> closest = StepNameMatch.closest(arg.name(), target.options());
            String known = target.options().isEmpty()
                    ? "; it defines no options"
                    : "; its options are "
                            + target.options().stream()
                                    .map(o -> "\"" + o + "\"")
                                    .collect(Collectors.joining(", "));
            reportInText(
                    Severity.WARNING,
                    step.pointer("jobref") + "/args",
                    args.asText(),
                    arg.offset(),
                    step.label() + " passes option \"" + arg.name() + "\" to job \"" + target.label()
                            + "\", which has no such option" + known,
                    closest.map(c -> "rename \"-" + arg.name() + "\" to \"-" + c + "\"")
                            .orElse("remove \"-" + arg.name() + "\" from args, or add the option to \"" + target.label()
                                    + "\""));
        }
    }

    /** By name and group; "group/name" written in {@code name} with no group is accepted too. */
    private static boolean matchesName(Job job, String name, String group) {
        if (job.name().equals(name) && job.group().equals(group)) {
            return true;
        }
        int slash = name.lastIndexOf('/');
        return group.isEmpty()
                && slash > 0
                && job.name().equals(name.substring(slash + 1))
                && job.group().equals(JobLibrary.trimSlashes(name.substring(0, slash)));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.path(key);
        return v.isValueNode() && !v.isNull() ? v.asText() : "";
    }
}
