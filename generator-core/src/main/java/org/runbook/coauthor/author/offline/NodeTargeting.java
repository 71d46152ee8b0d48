package org.runbook.coauthor.author.offline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.runbook.coauthor.plan.NodeSelector;
import org.runbook.coauthor.plan.OptionRefs;
import org.runbook.coauthor.plan.OptionType;
import org.runbook.coauthor.plan.PlanOption;

/**
 * Works out which nodes a request targets: one host the operator names, nodes the operator picks,
 * nodes with a tag ("the edge servers"), or every node.
 */
final class NodeTargeting {
    static final String HOST_OPTION = "hostname";
    static final String NODES_OPTION = "nodes";

    private static final String MACHINE = "(?:nodes?|hosts?|servers?|machines?|instances?|boxes|vms?)";
    private static final Pattern PICKED = Pattern.compile("(?i)\\b(?:(?:" + MACHINE + ")\\s+(?:that\\s+)?(?:i|we)\\s+"
            + "(?:select|pick|choose|specify|give|name|list)|(?:selected|chosen|specified|picked|listed|given)\\s+"
            + "(?:[a-z0-9-]+\\s+)?" + MACHINE + "|" + MACHINE + "\\s+of\\s+(?:my|our)\\s+choosing)\\b");
    private static final Pattern TAGGED = Pattern.compile("(?i)\\b(?:on|across|to|onto|from)\\s+(?:all\\s+|every\\s+)?"
            + "(?:(?:of\\s+)?the\\s+|our\\s+)?([a-z][a-z0-9-]*)\\s+(?:servers|nodes|hosts|machines|boxes|fleet)\\b");
    private static final Pattern EVERYWHERE = Pattern.compile(
            "(?i)\\b(?:on|across|to)\\s+(?:all|every)\\s+(?:the\\s+)?(?:nodes?|hosts?|servers?|machines?)\\b");
    private static final Pattern SINGLE =
            Pattern.compile("(?i)\\b(?:a|an|the|one|that|this)\\s+(?:(?:remote|affected|target|"
                    + "specific|single|given|particular|linux|database|db|web|app|application|backup|source|primary|replica)\\s+)?"
                    + "(?:node|host|server|machine|instance|box|vm|replica)\\b");
    private static final Pattern HOST_PHRASE = Pattern.compile("(?i)\\b(?:host|hostname|node|server|machine)s?\\b");
    /** Words that look like a tag in "on the X servers" but describe the servers' role in the request instead. */
    private static final Set<String> NOT_TAGS = Set.of(
            "remote",
            "selected",
            "target",
            "affected",
            "same",
            "other",
            "chosen",
            "given",
            "specific",
            "these",
            "those",
            "my",
            "our",
            "your",
            "linux",
            "all",
            "many",
            "some");

    private NodeTargeting() {}

    /** A selector plus the option that drives it, if any. */
    record Targeting(NodeSelector selector, Optional<PlanOption> option, String why) {}

    /**
     * @param unmatchedPhrases option phrases no block parameter took, e.g. "the hostname of the remote node"
     */
    static Targeting resolve(String text, List<String> unmatchedPhrases, boolean rolling) {
        Targeting targeting = resolve(text, unmatchedPhrases);
        // A rolling job works through several nodes one at a time; one named host would defeat it.
        return rolling
                        && targeting
                                .option()
                                .map(o -> o.name().equals(HOST_OPTION))
                                .orElse(false)
                ? picked("rolling work goes through the nodes the operator picks, one at a time")
                : targeting;
    }

    private static Targeting resolve(String text, List<String> unmatchedPhrases) {
        for (String phrase : unmatchedPhrases) {
            if (HOST_PHRASE.matcher(phrase).find()) {
                boolean many = phrase.matches("(?i).*\\b(?:nodes|hosts|servers|machines)\\b.*");
                return many ? picked("you asked to choose " + phrase) : single("you asked to specify " + phrase);
            }
        }
        if (PICKED.matcher(text).find()) {
            return picked("the request lets the operator pick the nodes");
        }
        Matcher tagged = TAGGED.matcher(text);
        while (tagged.find()) {
            String tag = tagged.group(1).toLowerCase(Locale.ROOT);
            if (!NOT_TAGS.contains(tag)) {
                return new Targeting(
                        new NodeSelector("tags", tag),
                        Optional.empty(),
                        "the request names the " + tag + " servers; nodes tagged \"" + tag + "\"");
            }
        }
        if (EVERYWHERE.matcher(text).find()) {
            return new Targeting(new NodeSelector("name", ".*"), Optional.empty(), "the request targets every node");
        }
        if (SINGLE.matcher(text).find()) {
            return single("the request names one host");
        }
        return picked("the request does not say which nodes; the operator picks them");
    }

    private static Targeting single(String why) {
        PlanOption option = new PlanOption(
                HOST_OPTION,
                "Name of the node to run on (its Rundeck node name, usually the" + " hostname)",
                OptionType.TEXT,
                true,
                false,
                null,
                null,
                List.of(),
                ParamType.HOST.regex(),
                false);
        return new Targeting(new NodeSelector("name", OptionRefs.of(HOST_OPTION)), Optional.of(option), why);
    }

    private static Targeting picked(String why) {
        PlanOption option = new PlanOption(
                NODES_OPTION,
                "Comma-separated names of the nodes to run on",
                OptionType.TEXT,
                true,
                false,
                null,
                null,
                List.of(),
                ParamType.HOSTS.regex(),
                false);
        return new Targeting(new NodeSelector("name", OptionRefs.of(NODES_OPTION)), Optional.of(option), why);
    }
}
