package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.PipeToShell;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC003: a step runs whatever a download returns: {@code curl … | sh}, {@code wget -O- … | sudo bash},
 * {@code bash <(curl …)}, {@code sh -c "$(curl …)"}, {@code eval "$(curl …)"}. Nothing checks what the
 * server (or anyone in between) sent before it runs with the job's privileges.
 */
public final class PipeToShellRule extends AbstractRule {
    @Override
    public String id() {
        return "SEC003";
    }

    @Override
    public String title() {
        return "a step pipes a download straight into a shell";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            PipeToShell.find(ShellCommands.mask(src.text()))
                    .ifPresent(hit -> reportInText(
                            src.pointer(),
                            src.text(),
                            hit.offset(),
                            step.label() + " runs a download without checking it (\"" + hit.command()
                                    + "\"); whatever the server or anyone in between sends runs with the job's rights",
                            "download to a file, verify its checksum or signature, then run it; or install a signed"
                                    + " package"));
        }
    }
}
