package org.runbook.coauthor.validate.rules;

import java.util.HashSet;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.DestructiveCommands;
import org.runbook.coauthor.validate.support.Guards;
import org.runbook.coauthor.validate.support.OptionTaint;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC002: a step runs a destructive command ({@code terraform destroy}, {@code DROP DATABASE},
 * {@code kubectl delete namespace}, {@code rm -rf} on a path from an option, ...) and nothing makes
 * the operator confirm it: no required option with enforced values such as
 * {@code confirm: [yes]}, and no approval step before it. For {@code rm -rf} / {@code find -delete} on
 * an option's path, a check in the script that refuses {@code /} also counts.
 */
public final class DestructiveWithoutGuardRule extends AbstractRule {
    private static final String FIX = "add a required option with enforced values (e.g. \"confirm\" with values"
            + " [\"yes\"]) or an approval step before it";

    @Override
    public String id() {
        return "SEC002";
    }

    @Override
    public String title() {
        return "a destructive command runs without a confirmation option or an approval step";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        if (Guards.guarded(job, step)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            String masked = ShellCommands.mask(src.text());
            OptionTaint taint = OptionTaint.of(job, masked, src.form());
            for (DestructiveCommands.Hit hit : DestructiveCommands.find(masked, taint, name -> fixedList(job, name))) {
                if (!seen.add(hit.command())) {
                    continue;
                }
                String message = hit.pathOptions().isEmpty()
                        ? step.label() + " runs \"" + hit.command()
                                + "\", which is destructive, and the job has no guard; " + FIX
                        : step.label() + " runs \"" + hit.command() + "\" on a path taken from option "
                                + quoted(hit.pathOptions()) + ", which is destructive, and neither the job nor the"
                                + " script guards it; " + FIX + ", or make the script refuse \"/\" before deleting";
                reportInText(
                        src.pointer(),
                        src.text(),
                        hit.offset(),
                        message,
                        "add an option named \"confirm\" with required: true, enforced: true and values: [\"yes\"]");
            }
        }
    }

    /** An option limited to enforced values the author listed cannot name an arbitrary path. */
    private static boolean fixedList(JobView job, String name) {
        return job.option(name)
                .map(o -> o.enforced()
                        && !o.values().isEmpty()
                        && o.values().stream().noneMatch(v -> v.isBlank() || v.equals("/") || v.contains("..")))
                .orElse(false);
    }

    private static String quoted(Set<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
