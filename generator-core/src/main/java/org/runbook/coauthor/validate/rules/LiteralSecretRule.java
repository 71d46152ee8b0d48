package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.Optional;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.support.JobTexts;
import org.runbook.coauthor.validate.support.Secrets;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC008: a credential is written into the job: an AWS key, a GitHub or Slack token, a private key
 * block, a JWT, a password in a URL, or a literal value given to a password/token setting, in shell
 * code, plugin settings, URLs or option defaults. Everyone who can read or export the job (and its
 * history in version control) can use it. The message shows at most a short prefix of the value.
 * Defaults of secure options are left to SEC009.
 */
public final class LiteralSecretRule extends AbstractRule {
    private static final String HINT =
            "remove it, revoke it, and pass it in a secure option with a storagePath in Key Storage";

    @Override
    public String id() {
        return "SEC008";
    }

    @Override
    public String title() {
        return "a secret is written into the job definition";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        for (JobTexts.Text t : JobTexts.of(job)) {
            Optional<OptionView> owner = job.options().stream()
                    .filter(o -> t.pointer().equals(o.pointer("value")))
                    .findFirst();
            if (owner.map(OptionView::secure).orElse(false)) {
                continue; // SEC009 reports a secure option's default
            }
            List<Secrets.Found> found = Secrets.shapes(t.text());
            if (found.isEmpty() && t.kind() == JobTexts.Kind.CONFIG) {
                Optional<String> whole =
                        Secrets.namedValue(owner.map(OptionView::name).orElse(t.key()), t.text());
                if (whole.isPresent()) {
                    reportInText(
                            t.pointer(),
                            t.text(),
                            0,
                            t.place()
                                    + (owner.isPresent()
                                            ? " has a literal secret as its default value"
                                            : " holds a" + " literal secret")
                                    + " (\"" + whole.get() + "\"); anyone who can read the job can"
                                    + " use it",
                            HINT);
                    continue;
                }
            }
            if (t.kind() != JobTexts.Kind.PROSE) {
                found = Secrets.merge(
                        found,
                        Secrets.assigned(t.kind() == JobTexts.Kind.SHELL ? ShellCommands.mask(t.text()) : t.text()));
            }
            for (Secrets.Found f : found) {
                reportInText(
                        t.pointer(),
                        t.text(),
                        f.offset(),
                        t.place() + " contains a literal " + f.kind() + " (\"" + f.shown() + "\"); anyone who can read"
                                + " the job can use it",
                        HINT);
            }
        }
    }
}
