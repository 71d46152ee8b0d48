package org.runbook.coauthor.validate.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.support.ClosestName;
import org.runbook.coauthor.validate.support.DataProducers;
import org.runbook.coauthor.validate.support.DataReferences;
import org.runbook.coauthor.validate.support.DataReferences.Reference;
import org.runbook.coauthor.validate.support.DataReferences.Written;
import org.runbook.coauthor.validate.support.ReferenceSites;
import org.runbook.coauthor.validate.support.ReferenceSites.Kind;
import org.runbook.coauthor.validate.support.ReferenceSites.Site;
import org.runbook.coauthor.validate.support.ReferenceWording;
import org.runbook.coauthor.validate.support.SiteBudget;

/**
 * RD103: a data reference Rundeck cannot expand as written: {@code ${option}} without a key,
 * {@code ${node.}}, an unclosed <code>${option.x</code>, an unknown context group, shell modifiers such
 * as {@code ${option.x:-default}}, {@code ${...}} in an inline script (only {@code @...@} is expanded
 * there) or {@code @...@} in a command (only {@code ${...}} is). Rundeck blanks such text or keeps it
 * literally, so the command never gets the value. An unknown {@code ${job.x}} key is a warning when it
 * is close to a known key and info otherwise, as the list of job keys is open-ended.
 */
public final class MalformedReferenceRule extends AbstractRule {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    /** Groups that are never shell variable names, so {@code ${option}} in a command is a broken reference. */
    private static final Set<String> NEVER_SHELL = Set.of("option", "unquotedoption", "secureOption", "globals");

    private final SiteBudget budget = new SiteBudget();
    private final Set<String> custom = new LinkedHashSet<>();
    private boolean anyGroup;

    @Override
    public String id() {
        return "RD103";
    }

    @Override
    public String title() {
        return "data reference is malformed or not expanded where it is written";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        budget.clear();
        custom.clear();
        anyGroup = false;
        DataProducers.of(job).values().forEach(p -> {
            custom.addAll(p.groups().keySet());
            anyGroup |= p.anything();
        });
        for (Site site : ReferenceSites.of(job)) {
            if (site.kind() == Kind.SCRIPT) {
                checkScript(site);
                continue;
            }
            for (Written w : DataReferences.written(site.text())) {
                if (!site.inComment(w.offset())) {
                    check(site, w);
                }
            }
            if (site.kind() != Kind.CONFIG) {
                for (Reference ref : DataReferences.scriptTokens(site.text())) {
                    if (DataReferences.STEP_GROUPS.contains(ref.group()) && !site.inComment(ref.offset())) {
                        report(
                                site,
                                ref.offset(),
                                Severity.ERROR,
                                "\"" + ref.text() + "\" is not expanded here; "
                                        + "Rundeck expands @...@ tokens only in inline scripts",
                                "write \"${" + ref.group() + "." + ref.key() + "}\"");
                    }
                }
            }
        }
    }

    private void checkScript(Site site) {
        if (site.step() == null || !ReferenceSites.dollarBracesAreCode(site.step(), site.text())) {
            for (Reference ref : DataReferences.expanded(site.text())) {
                if (known(ref.group(), site) && !site.inComment(ref.offset())) {
                    String token = "@" + ref.group() + "." + ref.key() + "@";
                    report(
                            site,
                            ref.offset(),
                            Severity.ERROR,
                            "\"" + ref.text() + "\" is not expanded in an inline " + "script; Rundeck expands only \""
                                    + token + "\" there, so the script sees the literal text",
                            "write \"" + token + "\"");
                }
            }
        }
        for (Reference ref : DataReferences.scriptTokens(site.text())) {
            if (site.inComment(ref.offset())) {
                continue;
            }
            if (!IDENTIFIER.matcher(ref.group()).matches() || known(ref.group(), site)) {
                checkJobKey(site, ref, 0);
                continue;
            }
            Optional<String> meant = ClosestName.of(ref.group(), DataReferences.STEP_GROUPS);
            if (!anyGroup || meant.isPresent()) {
                report(
                        site,
                        ref.offset(),
                        Severity.ERROR,
                        "\"" + ref.text() + "\" is a data reference to the unknown " + "context group \"" + ref.group()
                                + "\"; Rundeck replaces it with an empty string",
                        meant.map(m -> "write \"@" + m + "." + ref.key() + "@\"")
                                .orElse("write a literal \"@\" as \"@@\", or fix the group name"));
            }
        }
    }

    private void check(Site site, Written w) {
        String group = w.group();
        String key = w.key();
        boolean builtin = known(group, site);
        if (!w.closed()) {
            if (builtin && key != null) {
                report(
                        site,
                        w.offset(),
                        Severity.ERROR,
                        "reference \"" + w.text() + "\" is not closed with \"}\"; "
                                + "Rundeck leaves it as literal text",
                        "close it: \"" + w.text() + "}\"");
            }
        } else if (key == null) {
            boolean shellName =
                    site.kind() == Kind.COMMAND && (!NEVER_SHELL.contains(group) || site.setsShellVariable(group));
            if (builtin && !shellName) {
                report(
                        site,
                        w.offset(),
                        Severity.ERROR,
                        "reference \"" + w.text() + "\" has no key; expected \"${" + group + ".NAME}\"",
                        "name the key, e.g. \"${" + group + "." + example(group) + "}\"");
            }
        } else if (key.isEmpty()) {
            if (builtin) {
                report(
                        site,
                        w.offset(),
                        Severity.ERROR,
                        "reference \"" + w.text() + "\" has an empty key after \"" + group + ".\"",
                        "complete the reference, e.g. \"${" + group + "." + example(group) + "}\"");
            }
        } else if (!IDENTIFIER.matcher(group).matches()) {
            return;
        } else if (!builtin) {
            Optional<String> meant = ClosestName.of(group, DataReferences.STEP_GROUPS);
            if (!anyGroup || meant.isPresent()) {
                String effect = site.kind() == Kind.FILTER || site.kind() == Kind.NOTIFICATION
                        ? "Rundeck leaves it as literal text"
                        : "Rundeck replaces it with an empty string";
                report(
                        site,
                        w.offset(),
                        Severity.ERROR,
                        "reference \"" + w.text() + "\" uses the unknown context " + "group \"" + group + "\"; "
                                + effect + "; known groups are " + groups(site),
                        meant.map(g -> "write \"${" + g + "." + key + "}\"")
                                .orElse("use a known group, or set \"" + group + "\" with an export-var step"));
            }
        } else if (DataReferences.OPTION_GROUPS.contains(group)) {
            String name = key.replaceFirst("[@*].*$", "");
            if (!UndefinedOptionReferenceRule.OPTION_NAME.matcher(name).matches()) {
                report(
                        site,
                        w.offset(),
                        Severity.ERROR,
                        "reference \"" + w.text() + "\" reads the option \"" + name
                                + "\", which cannot exist; Rundeck does not support shell modifiers in references",
                        "write \"${" + group + "." + name.replaceFirst("[^a-zA-Z_0-9.-].*$", "")
                                + "}\" and give the option a default value instead");
            }
        } else {
            DataReferences.expanded(w.text()).forEach(ref -> checkJobKey(site, ref, w.offset()));
        }
    }

    private void checkJobKey(Site site, Reference ref, int base) {
        if (!ref.group().equals("job")
                || site.kind() == Kind.NOTIFICATION
                || DataReferences.JOB_KEYS.contains(ref.key())) {
            return;
        }
        Optional<String> meant = ClosestName.of(ref.key(), DataReferences.JOB_KEYS);
        report(
                site,
                base + ref.offset(),
                meant.isPresent() ? Severity.WARNING : Severity.INFO,
                "\"" + ref.text()
                        + "\" reads the job key \"" + ref.key() + "\", which Rundeck 5.4 does not set"
                        + meant.map(m -> "; did you mean \"" + m + "\"").orElse("; it expands to an empty string"),
                meant.map(m -> "write \"" + ref.text().replace("job." + ref.key(), "job." + m) + "\"")
                        .orElse("use a key Rundeck sets, such as \"execid\", \"name\", \"project\" or \"url\""));
    }

    private boolean known(String group, Site site) {
        return DataReferences.STEP_GROUPS.contains(group)
                || custom.contains(group)
                || site.kind() == Kind.NOTIFICATION && DataReferences.NOTIFICATION_GROUPS.contains(group);
    }

    private String groups(Site site) {
        Set<String> all = new LinkedHashSet<>(List.of("job", "option", "node", "globals", "data", "export"));
        all.addAll(new TreeSet<>(custom));
        if (site.kind() == Kind.NOTIFICATION) {
            all.addAll(DataReferences.NOTIFICATION_GROUPS);
        }
        return ReferenceWording.quoted(all);
    }

    private void report(Site site, int at, Severity severity, String message, String hint) {
        if (budget.allow(site.pointer())) {
            reportInText(severity, site.pointer(), site.text(), at, message, hint);
        }
    }

    private static String example(String group) {
        return switch (group) {
            case "node" -> "hostname";
            case "job" -> "execid";
            default -> "NAME";
        };
    }
}
