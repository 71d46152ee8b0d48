package org.runbook.coauthor.validate.rules;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.support.JobTexts;
import org.runbook.coauthor.validate.support.ShellCommands;
import org.runbook.coauthor.validate.support.TlsOff;

/**
 * SEC004: TLS certificate verification is switched off, in shell code ({@code curl -k},
 * {@code wget --no-check-certificate}, {@code verify=False}, {@code git -c http.sslVerify=false},
 * {@code NODE_TLS_REJECT_UNAUTHORIZED=0}, {@code validate_certs: no},
 * {@code --insecure-skip-tls-verify}) or in a plugin setting ({@code sslVerify: false}). Anyone on
 * the network path can then impersonate the server and read or change what the job sends.
 */
public final class TlsVerificationOffRule extends AbstractRule {
    /** Setting names that mean "verify" (off when false) and "skip verification" (off when true). */
    private static final Pattern VERIFY_KEY =
            Pattern.compile("(?:ssl|tls|cert|certs|certificate|certificates)(?:verify|verification|validation|check)"
                    + "|verify(?:ssl|tls|cert|certs|certificate|certificates)|validatecerts|checkcertificates?");

    private static final Pattern SKIP_KEY = Pattern.compile(
            "(?:ignore|skip|disable|trustall|allowinsecure|noverify)(?:ssl|tls|cert|certs|certificates?)"
                    + "(?:verify|verification|validation|errors|check)?|insecure|insecureskiptlsverify");

    @Override
    public String id() {
        return "SEC004";
    }

    @Override
    public String title() {
        return "TLS certificate verification is turned off";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        for (JobTexts.Text t : JobTexts.of(job)) {
            switch (t.kind()) {
                case SHELL -> shell(t);
                case CONFIG -> config(t);
                default -> {}
            }
        }
    }

    /** Each kind of switch once per text, in text order. */
    private void shell(JobTexts.Text t) {
        TlsOff.inShell(ShellCommands.mask(t.text())).forEach((offset, what) -> found(t, offset, what));
    }

    private void config(JobTexts.Text t) {
        String key = t.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String value = t.text().strip().toLowerCase(Locale.ROOT);
        boolean off = VERIFY_KEY.matcher(key).matches() && value.matches("false|no|0|off")
                || SKIP_KEY.matcher(key).matches() && value.matches("true|yes|1|on");
        if (off) {
            found(t, 0, t.key() + ": " + t.text().strip());
        } else if (t.text().contains("\n") || t.text().contains(" ")) {
            for (Pattern p : TlsOff.CODE) {
                Matcher m = p.matcher(t.text());
                if (m.find()) {
                    found(t, m.start(), m.group());
                    return;
                }
            }
        }
    }

    private void found(JobTexts.Text t, int offset, String what) {
        reportInText(
                t.pointer(),
                t.text(),
                offset,
                t.place() + " turns off TLS certificate verification (\"" + ShellCommands.show(what)
                        + "\"), so anyone on the network path can pose as the server",
                "remove it and make the client trust the server's CA instead (e.g. curl --cacert FILE, or add the CA"
                        + " to the system trust store)");
    }
}
