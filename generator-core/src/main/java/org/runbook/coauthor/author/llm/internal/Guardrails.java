package org.runbook.coauthor.author.llm.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.error.NonRetriableException;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * Checks on what goes to and comes from the model: prompt-injection phrases in the request
 * (flagged, not refused) and steps that send data to a host the request never mentioned (refused).
 */
public final class Guardrails {
    private static final Pattern INJECTION = Pattern.compile("(?i)\\b(ignore|disregard|forget|override)\\s+"
            + "(all\\s+|any\\s+|the\\s+|your\\s+)?(previous|prior|above|earlier|system)\\s+"
            + "(instructions|prompts?|rules)|\\b(system prompt|developer mode|you are now|jailbreak)\\b");
    private static final Pattern URL_HOST = Pattern.compile("(?i)\\b(?:https?|ftp|s?ftp|wss?)://([^/\\s\"'`:?#]+)");
    private static final Pattern REMOTE_COPY = Pattern.compile("\\b[\\w.-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,}):");
    private static final Pattern NETCAT = Pattern.compile(
            "\\b(?:nc|ncat|netcat|telnet|socat)\\s+(?:-\\S+\\s+)*" + "([A-Za-z0-9.-]+\\.[A-Za-z0-9]{2,})");
    private static final Pattern DEV_TCP = Pattern.compile("/dev/(?:tcp|udp)/([^/\\s]+)/");
    private static final Pattern SENDS = Pattern.compile("(?i)curl\\b[^|;&]*(\\s-d\\b|--data|\\s-T\\b|--upload-file"
            + "|\\s-F\\b|--form|-X\\s*(POST|PUT|PATCH))|\\bwget\\b[^|;&]*--post|\\b(nc|ncat|netcat|socat|telnet|scp"
            + "|rsync|sftp|ftp)\\b|/dev/(tcp|udp)/|\\|\\s*curl\\b");
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "0.0.0.0", "::1");

    private Guardrails() {}

    /** Prompt-injection phrases found in the request, quoted, for the provenance notes. */
    public static List<String> injectionPhrases(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = INJECTION.matcher(text);
        while (m.find()) {
            out.add("\"" + m.group() + "\"");
        }
        return out;
    }

    /**
     * Refuses a plan with a step that sends data to a host or URL the request never mentioned.
     *
     * @throws NonRetriableException naming the step and the host
     */
    public static void checkDestinations(RunbookPlan plan, String requestText) {
        String request = requestText.toLowerCase(Locale.ROOT);
        for (PlanStep step : plan.steps()) {
            String text =
                    String.join("\n", step.params().values()) + "\n" + (step.onError() == null ? "" : step.onError());
            boolean sends = SENDS.matcher(text).find()
                    || (step.action() == Action.HTTP_REQUEST
                            && !step.param("method").isBlank()
                            && !step.param("method").equalsIgnoreCase("GET")
                            && !step.param("method").equalsIgnoreCase("HEAD"))
                    || step.action() == Action.COPY_FILE;
            if (!sends) {
                continue;
            }
            for (String host : hosts(text)) {
                String h = host.toLowerCase(Locale.ROOT);
                if (h.contains("${") || h.contains("$") || LOCAL.contains(h) || request.contains(h)) {
                    continue;
                }
                throw new NonRetriableException("the model's plan is refused: step \"" + step.id() + "\" (\""
                        + step.title() + "\") sends data to \"" + host + "\", a host the request never mentioned");
            }
        }
    }

    static Set<String> hosts(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (Pattern p : List.of(URL_HOST, REMOTE_COPY, NETCAT, DEV_TCP)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
