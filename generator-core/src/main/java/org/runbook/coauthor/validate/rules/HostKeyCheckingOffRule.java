package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.support.JobTexts;
import org.runbook.coauthor.validate.support.PatternHits;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC006: SSH host key checking is turned off ({@code -o StrictHostKeyChecking=no},
 * {@code UserKnownHostsFile=/dev/null}, {@code ANSIBLE_HOST_KEY_CHECKING=False}), in shell code or in
 * a plugin setting. The job then talks to whatever answers at that address, and hands it its
 * password or agent. {@code StrictHostKeyChecking=accept-new} (trust on first use) is accepted.
 */
public final class HostKeyCheckingOffRule extends AbstractRule {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\bStrictHostKeyChecking\\s*[= ]\\s*[\"']?(?:no|off|false)\\b"),
            Pattern.compile("(?i)\\b(?:User|Global)KnownHostsFile\\s*[= ]\\s*[\"']?/dev/null\\b"),
            Pattern.compile("(?i)\\bANSIBLE_HOST_KEY_CHECKING\\s*=\\s*[\"']?(?:false|no|0)\\b"),
            Pattern.compile("(?i)\\bhost_key_checking\\s*[=:]\\s*[\"']?(?:false|no|0)\\b"),
            Pattern.compile("\\bAutoAddPolicy\\b"));
    private static final Pattern KEY = Pattern.compile("stricthostkeychecking|hostkeychecking|checkhostkeys?");

    @Override
    public String id() {
        return "SEC006";
    }

    @Override
    public String title() {
        return "SSH host key checking is turned off";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        for (JobTexts.Text t : JobTexts.of(job)) {
            if (t.kind() == JobTexts.Kind.PROSE) {
                continue;
            }
            String key = t.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (t.kind() == JobTexts.Kind.CONFIG
                    && KEY.matcher(key).matches()
                    && t.text().strip().toLowerCase(Locale.ROOT).matches("no|false|off|0")) {
                found(t, 0, t.key() + ": " + t.text().strip());
                continue;
            }
            String text = t.kind() == JobTexts.Kind.SHELL ? ShellCommands.mask(t.text()) : t.text();
            TreeMap<Integer, String> hits = new TreeMap<>();
            PatternHits.firstOfEach(text, PATTERNS, hits);
            PatternHits.eachNonOverlapping(hits, (offset, what) -> found(t, offset, what));
        }
    }

    private void found(JobTexts.Text t, int offset, String what) {
        reportInText(
                t.pointer(),
                t.text(),
                offset,
                t.place() + " turns off SSH host key checking (\"" + ShellCommands.show(what)
                        + "\"), so it connects to whatever answers at that address, impostors included",
                "record the hosts' keys in known_hosts (ssh-keyscan once and check the fingerprints) or use"
                        + " StrictHostKeyChecking=accept-new");
    }
}
