package org.runbook.coauthor.validate.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.OptionView;
import org.runbook.coauthor.validate.support.DataReferences;
import org.runbook.coauthor.validate.support.DidYouMean;
import org.runbook.coauthor.validate.support.ReferenceSites;
import org.runbook.coauthor.validate.support.ReferenceSites.Site;
import org.runbook.coauthor.validate.support.SiteBudget;

/**
 * RD101: an option reference ({@code ${option.x}}, {@code ${unquotedoption.x}},
 * {@code ${secureOption.x}}, {@code @option.x@} in an inline script, {@code $RD_OPTION_X}) names
 * no option of the job. Rundeck replaces it with an empty string in commands and scripts, so the
 * step runs with a blank where a value was meant.
 */
public final class UndefinedOptionReferenceRule extends AbstractRule {
    /** Keys that can be option names; anything else is a malformed reference (RD103). */
    static final Pattern OPTION_NAME = Pattern.compile("[a-zA-Z_0-9.-]+");

    private final SiteBudget budget = new SiteBudget();

    @Override
    public String id() {
        return "RD101";
    }

    @Override
    public String title() {
        return "option reference names no option";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        budget.clear();
        for (Site site : ReferenceSites.of(job)) {
            if (site.expandsDollar()) {
                for (DataReferences.Reference ref : DataReferences.expanded(site.text())) {
                    check(job, site, ref);
                }
            }
            if (site.kind() == ReferenceSites.Kind.SCRIPT) {
                for (DataReferences.Reference ref : DataReferences.scriptTokens(site.text())) {
                    check(job, site, ref);
                }
            }
            if (site.shell()) {
                for (DataReferences.Ref ref : DataReferences.envVars(site.text())) {
                    if (ref.group().equals("option") || ref.group().equals("secureoption")) {
                        checkEnv(job, site, ref);
                    }
                }
            }
        }
    }

    private void check(JobView job, Site site, DataReferences.Reference ref) {
        if (!ref.isOption()
                || site.inComment(ref.offset())
                || !OPTION_NAME.matcher(ref.key()).matches()
                || defines(job, ref.key(), site)) {
            return;
        }
        List<String> names = job.options().stream().map(OptionView::name).toList();
        Optional<String> meant = DidYouMean.closest(ref.key(), names);
        String hint = meant.map(m -> "rename the reference to \"" + rewrite(ref, m) + "\" or add an option named \""
                        + ref.key() + "\"")
                .orElse("add an option named \"" + ref.key() + "\" or fix the reference");
        if (budget.allow(site.pointer())) {
            reportInText(
                    site.pointer(),
                    site.text(),
                    ref.offset(),
                    "option \"" + ref.key() + "\" is referenced as \"" + ref.text()
                            + "\" but no such option is defined; " + defined(job, false),
                    hint);
        }
    }

    private void checkEnv(JobView job, Site site, DataReferences.Ref ref) {
        if (site.inComment(ref.offset())) {
            return;
        }
        for (OptionView o : job.options()) {
            String env = DataReferences.envName(o.name());
            if (ref.key().equals(env) || ref.key().equals(env + "_DELIMITER")) {
                return;
            }
        }
        List<String> envNames = job.options().stream()
                .map(o -> DataReferences.envName(o.name()))
                .toList();
        Optional<String> meant = DidYouMean.closest(ref.key(), envNames);
        String variable = "$RD_" + ref.group().toUpperCase(java.util.Locale.ROOT) + "_";
        String hint = meant.map(m -> "rename it to \"" + variable + m + "\" or add the option it is meant for")
                .orElse("add the option it is meant for or fix the variable name");
        if (budget.allow(site.pointer())) {
            reportInText(
                    site.pointer(),
                    site.text(),
                    ref.offset(),
                    "option reference \"" + ref.text() + "\" names no defined option; " + defined(job, true),
                    hint);
        }
    }

    private static String rewrite(DataReferences.Reference ref, String key) {
        String body = ref.group() + "." + key;
        return ref.syntax() == DataReferences.Syntax.AT_TOKEN ? "@" + body + "@" : "${" + body + "}";
    }

    /** Whether the key names an option, its {@code .delimiter} (multivalued) or, in a values URL, its {@code .value}. */
    static boolean defines(JobView job, String key, Site site) {
        if (job.option(key).isPresent()) {
            return true;
        }
        if (key.endsWith(".delimiter")) {
            Optional<OptionView> o = job.option(key.substring(0, key.length() - ".delimiter".length()));
            if (o.isPresent() && o.get().flag("multivalued")) {
                return true;
            }
        }
        return key.endsWith(".value")
                && site.pointer().endsWith("/valuesUrl")
                && job.option(key.substring(0, key.length() - ".value".length()))
                        .isPresent();
    }

    private static String defined(JobView job, boolean env) {
        if (job.options().isEmpty()) {
            return "the job defines no options";
        }
        List<String> shown = job.options().stream()
                .limit(10)
                .map(o ->
                        "\"" + o.name() + "\"" + (env ? " ($RD_OPTION_" + DataReferences.envName(o.name()) + ")" : ""))
                .toList();
        int more = job.options().size() - shown.size();
        return "defined options are " + String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
    }
}
