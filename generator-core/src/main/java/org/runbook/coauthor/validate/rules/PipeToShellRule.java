package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC003: a step runs whatever a download returns: {@code curl … | sh}, {@code wget -O- … | sudo bash},
 * {@code bash <(curl …)}, {@code sh -c "$(curl …)"}, {@code eval "$(curl …)"}. Nothing checks what the
 * server (or anyone in between) sent before it runs with the job's privileges.
 */
public final class PipeToShellRule extends AbstractRule {
    private static final String FETCH = "(?:curl|wget)\\b";
    private static final String SHELL = "(?:sudo\\s+(?:-\\S+\\s+)*)?(?:env\\s+(?:\\S+=\\S*\\s+)*)?"
            + "(?:/usr/bin/|/bin/)?(?:ba|z|k|da|fi)?sh(?![\\w.-])";
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\b" + FETCH + "[^;&\\n]*?(?<!\\|)\\|(?!\\|)\\s*" + SHELL),
            Pattern.compile("\\b(?:(?:ba|z|k|da)?sh|source|\\.)\\s+<\\(\\s*(?:sudo\\s+)?" + FETCH),
            Pattern.compile("\\b(?:(?:ba|z|k|da)?sh\\s+-c|eval)\\s+[\"']?(?:\\$\\(|`)\\s*" + FETCH));

    /** The match and the rest of the command that runs the download. */
    private static String pipeline(String masked, Matcher m) {
        int lineEnd = masked.indexOf('\n', m.end());
        int end = Math.min(ShellCommands.commandEnd(masked, m.end()), lineEnd < 0 ? masked.length() : lineEnd);
        return masked.substring(m.start(), Math.max(m.end(), end));
    }

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
            String masked = ShellCommands.mask(src.text());
            for (Pattern p : PATTERNS) {
                Matcher m = p.matcher(masked);
                if (m.find()) {
                    reportInText(
                            src.pointer(),
                            src.text(),
                            m.start(),
                            step.label() + " runs a download without checking it (\""
                                    + ShellCommands.show(pipeline(masked, m))
                                    + "\"); whatever the server or anyone in between sends runs with the job's rights",
                            "download to a file, verify its checksum or signature, then run it; or install a signed"
                                    + " package");
                    break;
                }
            }
        }
    }
}
