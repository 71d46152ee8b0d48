package org.runbook.coauthor.rundeck.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.runbook.coauthor.validate.support.Secrets;

/**
 * The co-author's safety policy for jobs as Rundeck saves and runs them: secrets come from Key
 * Storage, option names and regexes are sound, wide runs need a confirmation, and a job the
 * co-author marked destructive runs only when confirmed.
 *
 * <p>It lives in the plugin, not in generator-core: it judges Rundeck's server-side view of a job
 * (the nodes the filter matches right now, Key Storage paths, the values of one execution), which
 * only exists inside Rundeck. generator-core's validator already checks the same job as YAML text
 * before import; the two share the secret detector ({@link Secrets}).
 *
 * <pre>{@code
 * List<Violation> found = new SafetyPolicy(PolicySettings.defaults()).checkSave("Clean up", options, 25, "tags: web");
 * }</pre>
 */
public final class SafetyPolicy {
    /**
     * How the co-author's destructive jobs carry their marker: the confirmation option it adds when a
     * step is destructive (generator-core {@code author.offline.PlanAssembler}) starts its
     * description with this text. {@code JobPreExecutionEvent} has no job description or group, so
     * the option is the only marker the run-time hook can see.
     */
    public static final String DESTRUCTIVE_MARKER = "This job is destructive.";

    static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z_0-9.-]+");

    private final PolicySettings settings;

    public SafetyPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    public PolicySettings settings() {
        return settings;
    }

    /**
     * The violations of a job about to be saved.
     *
     * @param matchedNodes how many nodes the job's filter matches now
     * @param nodeFilter the filter, or null when the job runs on the server
     */
    public List<Violation> checkSave(String jobName, List<OptionFacts> options, int matchedNodes, String nodeFilter) {
        List<Violation> out = new ArrayList<>();
        for (OptionFacts option : options) {
            name(option).ifPresent(out::add);
            secret(option).ifPresent(out::add);
            regex(option).ifPresent(out::add);
        }
        blastRadius(jobName, options, matchedNodes, nodeFilter).ifPresent(out::add);
        return List.copyOf(out);
    }

    /**
     * Why a run of a destructive co-author job must not start, or empty. Applies in both modes: the
     * marker is the job's own promise that it runs only when the operator confirms.
     */
    public Optional<Violation> checkRun(String jobName, List<OptionFacts> options, Map<String, String> values) {
        for (OptionFacts option : options) {
            if (!option.description().startsWith(DESTRUCTIVE_MARKER)) {
                continue;
            }
            String expected = option.values().size() == 1 ? option.values().get(0) : "yes";
            String given = values == null ? null : values.get(option.name());
            if (!expected.equals(given == null ? null : given.strip())) {
                return Optional.of(new Violation(
                        "destructive-unconfirmed",
                        "job \"" + jobName + "\" is marked destructive by the co-author and runs only when option \""
                                + option.name() + "\" is \"" + expected + "\"; it was "
                                + (given == null || given.isBlank() ? "not given" : "\"" + shown(given) + "\""),
                        "run the job again and choose \"" + expected + "\" for \"" + option.name() + "\""));
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> name(OptionFacts option) {
        if (VALID_NAME.matcher(option.name()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(
                "option-name",
                "option name \"" + shown(option.name()) + "\" has characters Rundeck does not allow in ${option.*}"
                        + " references",
                "rename it using only letters, digits, \"_\", \".\" and \"-\""));
    }

    private Optional<Violation> secret(OptionFacts o) {
        if (o.secure()) {
            if (o.defaultValue() != null && o.storagePath() == null) {
                return Optional.of(new Violation(
                        "secure-option-default",
                        "secure option \"" + o.name() + "\" has a plaintext default value",
                        "store the secret in Key Storage and set the option's storage path, or remove the default"));
            }
            if (o.storagePath() != null) {
                return storagePath(o);
            }
            return Optional.empty();
        }
        if (o.defaultValue() == null) {
            return Optional.empty();
        }
        List<Secrets.Found> shapes = Secrets.shapes(o.defaultValue());
        if (!shapes.isEmpty()) {
            return Optional.of(new Violation(
                    "plaintext-secret-default",
                    "option \"" + o.name() + "\" has a default that looks like a "
                            + shapes.get(0).kind() + " (" + shapes.get(0).shown() + ")",
                    "make \"" + o.name() + "\" a secure option backed by a Key Storage path and remove the default"));
        }
        if (Secrets.secretName(o.name()) && !o.defaultValue().contains("${")) {
            return Optional.of(new Violation(
                    "plaintext-secret-default",
                    "option \"" + o.name() + "\" is named like a secret but is not secure and has a plaintext default",
                    "make \"" + o.name() + "\" a secure option backed by a Key Storage path and remove the default"));
        }
        return Optional.empty();
    }

    private Optional<Violation> storagePath(OptionFacts o) {
        String path = o.storagePath();
        String prefix = settings.allowedSecretStoragePrefix();
        boolean traversal = path.contains("..") || path.contains("//");
        if (traversal || (prefix != null && !path.startsWith(prefix))) {
            return Optional.of(new Violation(
                    "secret-storage-prefix",
                    "secure option \"" + o.name() + "\" reads Key Storage path \"" + shown(path) + "\""
                            + (traversal ? ", which climbs out of its directory" : ", outside \"" + prefix + "\""),
                    "move the secret under \"" + (prefix == null ? "keys/" : prefix)
                            + "\" and point the option's storage path there"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> regex(OptionFacts o) {
        if (o.regex() == null) {
            return Optional.empty();
        }
        try {
            Pattern.compile(o.regex());
        } catch (PatternSyntaxException e) {
            return Optional.of(new Violation(
                    "option-regex",
                    "regex \"" + shown(o.regex()) + "\" of option \"" + o.name() + "\" does not compile: "
                            + e.getDescription() + " near index " + e.getIndex(),
                    "fix the regex or remove it"));
        }
        return RegexRisk.catastrophic(o.regex())
                .map(why -> new Violation(
                        "option-regex",
                        "regex \"" + shown(o.regex()) + "\" of option \"" + o.name()
                                + "\" can backtrack catastrophically: " + why,
                        "simplify it, e.g. \"[a-z0-9]+\" instead of \"([a-z0-9]+)*\", or use enforced values"));
    }

    private Optional<Violation> blastRadius(
            String jobName, List<OptionFacts> options, int matchedNodes, String nodeFilter) {
        int max = settings.maxNodesWithoutConfirm();
        if (matchedNodes <= max) {
            return Optional.empty();
        }
        String wanted = settings.confirmOptionName();
        boolean confirmed =
                options.stream().filter(o -> o.name().equals(wanted)).anyMatch(SafetyPolicy::asksConfirmation);
        if (confirmed) {
            return Optional.empty();
        }
        return Optional.of(new Violation(
                "blast-radius",
                "job \"" + jobName + "\" matches " + matchedNodes + " nodes with filter \"" + shown(nodeFilter)
                        + "\", more than the " + max + " allowed without a confirmation option",
                "add a required option \"" + wanted + "\" with enforced values [yes] (and no default), or narrow"
                        + " the node filter"));
    }

    /** Required, constrained (enforced values or a regex) and not pre-answered by a default. */
    private static boolean asksConfirmation(OptionFacts o) {
        boolean constrained = (o.enforced() && !o.values().isEmpty()) || o.regex() != null;
        return o.required() && constrained && o.defaultValue() == null;
    }

    /** User text in a message: one line, at most 120 characters. */
    static String shown(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
