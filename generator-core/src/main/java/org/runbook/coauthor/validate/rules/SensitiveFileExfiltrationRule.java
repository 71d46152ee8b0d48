package org.runbook.coauthor.validate.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.ShellCommands;

/**
 * SEC007: a step sends a credentials file to another machine: {@code /etc/shadow},
 * {@code /etc/sudoers}, SSH private keys, {@code *.key} / {@code *key*.pem}, {@code ~/.aws/credentials},
 * kubeconfigs, {@code .netrc}, {@code .pgpass}, ... uploaded with curl or wget, copied with
 * scp/rsync/sftp to a remote host, piped or redirected into nc/ssh/mail, copied to a bucket, or
 * attached to a mail. A job that moves secrets between machines should read them from Key Storage.
 */
public final class SensitiveFileExfiltrationRule extends AbstractRule {
    /** Path-like words start after a blank, a quote, "=", "@" or ":" (bounded, so long words stay cheap). */
    private static final String WORD = "(?<![\\w./~-])[\\w./~-]{0,200}";

    private static final Pattern SENSITIVE = Pattern.compile("/etc/(?:shadow|gshadow|sudoers)(?![\\w.-])"
            + "|(?:~|\\$HOME|\\$\\{HOME}|/root|/home/[\\w.-]+)?/?\\.ssh/id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?(?![\\w.-])"
            + "|" + WORD + "\\.aws/credentials\\b|" + WORD + "\\.kube/config\\b"
            + "|/etc/kubernetes/(?:admin|super-admin|kubelet|controller-manager|scheduler)\\.conf\\b"
            + "|(?<![\\w./~-])[\\w.~-]{0,100}/[\\w./-]{0,200}kubeconfig[\\w.-]{0,50}|" + WORD
            + "\\.docker/config\\.json\\b"
            + "|" + WORD + "\\.(?:netrc|pgpass|vault-token|git-credentials)\\b"
            + "|" + WORD + "(?:key|private|priv)[\\w.-]{0,100}\\.pem\\b|" + WORD + "\\.(?:key|p12|pfx|jks)\\b");
    /** Text just before the path that makes a command upload it. */
    private static final Pattern UPLOAD_BEFORE = Pattern.compile(
            "(?:(?:-T|--upload-file|--post-file)[\\s=]*[\"']?|(?:-d|--data[\\w-]*|-F|--form)[\\s=]*[\"']?"
                    + "(?:[\\w.\\[\\]-]+=)?@|\\b(?:nc|ncat|netcat|socat|telnet)\\b[^|]*<\\s*[\"']?"
                    + "|\\b(?:mail|mailx|mutt)\\b[^|]*\\s-[aA]\\s*[\"']?)$");

    private static final Pattern SENDER_AFTER =
            Pattern.compile("(?<!\\|)\\|(?!\\|)\\s*(?:sudo\\s+)?(?:nc|ncat|netcat|socat|"
                    + "curl|wget|ssh|mail|mailx|sendmail|telnet|openssl\\s+s_client|aws\\s+s3\\s+cp|gsutil\\s+cp)\\b"
                    + "|>\\s*/dev/(?:tcp|udp)/");
    private static final Pattern COPY = Pattern.compile(
            "\\b(?:scp|rsync|sftp|aws\\s+s3\\s+(?:cp|mv|sync)|gsutil\\s+(?:-m\\s+)?cp|az\\s+storage\\s+blob\\s+upload"
                    + "|rclone\\s+(?:copy|copyto|sync))\\b");
    private static final Pattern REMOTE = Pattern.compile(
            "(?:^|\\s)[\"']?(?:(?:s3|gs|rsync|sftp|scp)://|(?:[\\w.$-]+@)?" + "[A-Za-z0-9$][\\w.${}-]*:(?!//))");

    @Override
    public String id() {
        return "SEC007";
    }

    @Override
    public String title() {
        return "a step sends a credentials file to another machine";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitStep(JobView job, StepView step) {
        for (ShellCommands.Source src : ShellCommands.of(step)) {
            String masked = ShellCommands.mask(src.text());
            Matcher m = SENSITIVE.matcher(masked);
            while (m.find()) {
                if (insideReference(masked, m.start())) {
                    continue;
                }
                int start = pipelineStart(masked, m.start());
                int end = pipelineEnd(masked, m.end());
                if (sent(masked.substring(start, m.start()), masked.substring(m.end(), end))) {
                    reportInText(
                            src.pointer(),
                            src.text(),
                            m.start(),
                            step.label() + " sends the credentials file \"" + ShellCommands.show(m.group())
                                    + "\" to another machine (\"" + ShellCommands.show(masked.substring(start, end))
                                    + "\")",
                            "do not move secrets between machines in a job; store them in Key Storage and give each"
                                    + " machine its own credentials");
                    break;
                }
            }
        }
    }

    /** {@code ${option.key}} or {@code @option.key@} is a data reference, not a file; {@code @/etc/shadow} is. */
    private static boolean insideReference(String masked, int start) {
        return start > 0
                && "{@".indexOf(masked.charAt(start - 1)) >= 0
                && Character.isLetterOrDigit(masked.charAt(start));
    }

    private static boolean sent(String before, String after) {
        if (UPLOAD_BEFORE.matcher(before).find() || SENDER_AFTER.matcher(after).find()) {
            return true;
        }
        Matcher copy = COPY.matcher(before);
        return copy.find()
                && !before.substring(copy.end()).matches("(?s).*\\S:\\S*$")
                && REMOTE.matcher(after).find();
    }

    private static int pipelineStart(String s, int from) {
        for (int i = from - 1; i > 0; i--) {
            char c = s.charAt(i);
            if (c == '\n' || c == ';' || (c == '&' && s.charAt(i - 1) == '&') || (c == '|' && s.charAt(i - 1) == '|')) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int pipelineEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == ';' || (i + 1 < s.length() && (c == '&' || c == '|') && s.charAt(i + 1) == c)) {
                return i;
            }
        }
        return s.length();
    }
}
