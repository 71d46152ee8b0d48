package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC005: a step makes files or directories writable by every user: {@code chmod 777},
 * {@code chmod 0666}, {@code chmod a+rwx}, {@code chmod o+w}, {@code mkdir -m 777},
 * {@code install -m 777}, {@code umask 000}. Any local account or compromised service can then
 * replace what the job wrote. A mode with the sticky bit ({@code 1777}, the shared /tmp pattern) is
 * left alone.
 */
public final class WorldWritableRule extends AbstractRule {
    private static final Pattern CHMOD = Pattern.compile("\\bchmod\\s+(?:-[a-zA-Z]+\\s+|--[a-z-]+\\s+)*([^\\s;&|]+)");
    private static final Pattern MODE_FLAG =
            Pattern.compile("\\b(?:mkdir|install)\\b[^;&|\\n]*?\\s(?:-m\\s*|--mode[=\\s])([^\\s;&|]+)");
    private static final Pattern UMASK = Pattern.compile("\\bumask\\s+(0*[0-7]?[0-7]?[0145])(?=\\s|$|;)");

    @Override
    public String id() {
        return "SEC005";
    }

    @Override
    public String title() {
        return "a step makes files writable by every user";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            String masked = ShellCommands.mask(src.text());
            for (Pattern p : List.of(CHMOD, MODE_FLAG)) {
                Matcher m = p.matcher(masked);
                while (m.find()) {
                    String mode = m.group(1).replace("\"", "").replace("'", "");
                    if (worldWritable(mode)) {
                        report(src, step, m.start(), ShellCommands.show(m.group()));
                        return;
                    }
                }
            }
            Matcher u = UMASK.matcher(masked);
            if (u.find()) {
                report(src, step, u.start(), u.group());
            }
        }
    }

    private void report(ShellCommands.Source src, StepView step, int offset, String command) {
        reportInText(
                src.pointer(),
                src.text(),
                offset,
                step.label() + " makes files writable by every user (\"" + command + "\"); any local account or"
                        + " service can then change them",
                "give only the owner (and group) write access, e.g. chmod 755 for directories and 644 for files,"
                        + " and use chown/chgrp for access");
    }

    /** An octal mode whose "other" digit has the write bit and no sticky bit, or a symbolic o+w / a+w. */
    static boolean worldWritable(String mode) {
        if (mode.matches("[0-7]{3,4}")) {
            int others = mode.charAt(mode.length() - 1) - '0';
            boolean sticky = mode.length() == 4 && ((mode.charAt(0) - '0') & 1) == 1;
            return (others & 2) != 0 && !sticky;
        }
        for (String clause : mode.split(",")) {
            Matcher m = Pattern.compile("([ugoa]*)([+=])([rwxXst]*)").matcher(clause);
            if (m.matches()
                    && m.group(3).contains("w")
                    && !m.group(3).contains("t")
                    && (m.group(1).contains("o") || m.group(1).contains("a"))) {
                return true;
            }
        }
        return false;
    }
}
