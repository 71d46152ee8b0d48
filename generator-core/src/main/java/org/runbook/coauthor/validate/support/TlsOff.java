package org.runbook.coauthor.validate.support;

import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Switches that turn TLS certificate verification off in shell code: {@code curl -k},
 * {@code wget --no-check-certificate}, {@code verify=False}, {@code git -c http.sslVerify=false},
 * {@code NODE_TLS_REJECT_UNAUTHORIZED=0}, {@code --insecure-skip-tls-verify}, … Shared by the
 * Rundeck (SEC004) and Jenkinsfile (JK205) rules.
 */
public final class TlsOff {
    private static final Pattern CURL = Pattern.compile("\\bcurl\\b");
    private static final Pattern CURL_FLAG =
            Pattern.compile("(?<=\\s)(?:--(?:proxy-|doh-)?insecure|-[a-zA-Z]*k[a-zA-Z]*)(?=\\s|$)");
    /** Switches in code other than curl's flags. */
    public static final List<Pattern> CODE = List.of(
            Pattern.compile("\\bwget\\b[^;&|\\n]*?--no-check-certificate\\b"),
            Pattern.compile("\\bverify\\s*=\\s*False\\b"),
            Pattern.compile("(?i)\\bhttp\\.ssl_?verify\\s*[= ]\\s*[\"']?(?:false|0|no)\\b"),
            Pattern.compile("(?i)\\bGIT_SSL_NO_VERIFY\\s*=\\s*[\"']?(?:1|true|yes)\\b"),
            Pattern.compile("\\bNODE_TLS_REJECT_UNAUTHORIZED\\s*=\\s*[\"']?0\\b"),
            Pattern.compile("(?i)\\bPYTHONHTTPSVERIFY\\s*=\\s*[\"']?0\\b"),
            Pattern.compile("(?i)\\bvalidate_certs\\s*[=:]\\s*[\"']?(?:no|false|0)\\b"),
            Pattern.compile("(?i)\\bssl_?verify\\s*[=:]\\s*[\"']?(?:false|no|0)\\b"),
            Pattern.compile("--insecure-skip-tls-verify(?:=true)?(?![=\\w-])"),
            Pattern.compile("--no-verify-ssl\\b"),
            Pattern.compile("--(?![a-z-]*skip)[a-z-]*tls-verify=false\\b"),
            Pattern.compile("(?i)\\bVAULT_SKIP_VERIFY\\s*=\\s*[\"']?(?:1|true)\\b"),
            Pattern.compile("\\brejectUnauthorized\\s*:\\s*false\\b"));

    private TlsOff() {}

    /**
     * Each kind of switch once, in text order, without overlaps: offset in {@code masked} (see
     * {@link ShellCommands#mask(String)}) to the switch as written.
     */
    public static TreeMap<Integer, String> inShell(String masked) {
        TreeMap<Integer, String> hits = new TreeMap<>();
        Matcher curl = CURL.matcher(masked);
        while (curl.find()) {
            if (ShellCommands.atCommandPosition(masked, curl.start())) {
                Matcher flag = CURL_FLAG.matcher(masked.substring(0, ShellCommands.commandEnd(masked, curl.end())));
                if (flag.find(curl.end())) {
                    hits.put(flag.start(), "curl " + flag.group());
                    break;
                }
            }
        }
        PatternHits.firstOfEach(masked, CODE, hits);
        TreeMap<Integer, String> out = new TreeMap<>();
        PatternHits.eachNonOverlapping(hits, out::put);
        return out;
    }
}
