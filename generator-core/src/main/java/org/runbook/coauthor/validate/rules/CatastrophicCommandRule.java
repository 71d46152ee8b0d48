package org.runbook.coauthor.validate.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.Catastrophic;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC001: a step runs a command that destroys the machine ({@code rm -rf /}, {@code mkfs /dev/sda},
 * {@code dd of=/dev/sda}, a fork bomb, {@code chmod -R 777 /}). No confirmation option or approval
 * makes these acceptable; the request screen refuses the same list ({@link Catastrophic}).
 */
public final class CatastrophicCommandRule extends AbstractRule {
    @Override
    public String id() {
        return "SEC001";
    }

    @Override
    public String title() {
        return "a step runs a command that destroys the machine";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            String masked = ShellCommands.mask(src.text());
            Catastrophic.find(masked)
                    .ifPresent(
                            m -> reportInText(
                                    src.pointer(),
                                    src.text(),
                                    m.offset(),
                                    step.label() + " runs \"" + shown(masked, m) + "\", which is catastrophic: "
                                            + m.why() + "; no confirmation or approval makes that safe",
                                    "remove the command; to delete or reset something, name that one directory, file or device"));
        }
    }

    /** The whole command, or the match when it spans several commands (a fork bomb). */
    private static String shown(String masked, Catastrophic.Match m) {
        String around = ShellCommands.commandAround(masked, m.offset());
        return ShellCommands.show(around.length() >= m.text().strip().length() ? around : m.text());
    }
}
