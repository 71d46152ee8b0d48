package org.runbook.coauthor.render.jenkins;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.RunbookPlan;

/**
 * Secure plan options as Jenkins credentials. A secret is never a parameter (a password parameter
 * shows in the build's parameters page and API); each becomes a "Secret text" credential bound
 * with {@code withCredentials} around the steps that read it, so Jenkins masks it in the log and
 * the shell reads it from its environment variable.
 */
final class Secrets {
    /** The SSH key ("SSH Username with private key") the pipeline reaches the nodes with. */
    static final String SSH_CREDENTIALS = "coauthor-ssh";

    private final RunbookPlan plan;
    private final ParameterNames names;

    Secrets(RunbookPlan plan, ParameterNames names) {
        this.plan = plan;
        this.names = names;
    }

    /**
     * The credentials id of a secure option: its Key Storage path without the {@code keys/} root,
     * with {@code /} turned into {@code -} ({@code keys/coauthor/db_password} →
     * {@code coauthor-db_password}), or {@code coauthor-<option>} when it has no path.
     */
    static String credentialsId(PlanOption option) {
        String path = option.keyStoragePath();
        String id = path == null || path.isBlank()
                ? "coauthor-" + option.name()
                : path.replaceFirst("^/?keys/", "").replaceAll("[^A-Za-z0-9_.-]+", "-");
        return id.replaceAll("^-+|-+$", "").isEmpty() ? "coauthor-" + option.name() : id.replaceAll("^-+|-+$", "");
    }

    List<PlanOption> all() {
        return plan.options().stream().filter(PlanOption::secure).toList();
    }

    /** The secure options among {@code optionNames}, in plan order. */
    List<PlanOption> among(Set<String> optionNames) {
        return all().stream().filter(o -> optionNames.contains(o.name())).toList();
    }

    /** {@code withCredentials([...])} head binding {@code secrets}. */
    String binding(List<PlanOption> secrets) {
        return secrets.stream()
                .map(o -> "string(credentialsId: " + GroovyText.quoted(credentialsId(o)) + ", variable: "
                        + GroovyText.quoted(names.of(o.name())) + ")")
                .collect(Collectors.joining(", ", "withCredentials([", "])"));
    }
}
