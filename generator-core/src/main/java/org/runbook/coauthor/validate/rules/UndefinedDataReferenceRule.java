package org.runbook.coauthor.validate.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.support.DataProducers;
import org.runbook.coauthor.validate.support.DataProducers.Production;
import org.runbook.coauthor.validate.support.DataReferences;
import org.runbook.coauthor.validate.support.DataReferences.Reference;
import org.runbook.coauthor.validate.support.ReferenceSites;
import org.runbook.coauthor.validate.support.ReferenceSites.Kind;
import org.runbook.coauthor.validate.support.ReferenceSites.Site;
import org.runbook.coauthor.validate.support.ReferenceWording;
import org.runbook.coauthor.validate.support.SiteBudget;

/**
 * RD104: a step reads {@code ${data.x}}, {@code ${export.x}}, {@code ${stub.x}} or an export-var
 * group that no earlier step sets. Data exists only after a step with a {@code key-value-data} log
 * filter (or a plugin that emits it) has run; before that Rundeck expands the reference to an empty
 * string. When every earlier producer shows exactly which keys it captures (an inline script printing
 * {@code RUNDECK:DATA:key=...}, a filter with a {@code name}, a regex listing its keys), a key none of
 * them captures is a warning.
 */
public final class UndefinedDataReferenceRule extends AbstractRule {
    private final SiteBudget budget = new SiteBudget();

    @Override
    public String id() {
        return "RD104";
    }

    @Override
    public String title() {
        return "data reference reads a value no earlier step sets";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void visitJobPost(JobView job) {
        budget.clear();
        Map<StepView, Production> production = DataProducers.of(job);
        Set<String> groups = new LinkedHashSet<>(List.of("data", "export", "stub"));
        production.values().forEach(p -> groups.addAll(p.groups().keySet()));
        int last = job.steps().stream().mapToInt(StepView::number).max().orElse(0);
        for (Site site : ReferenceSites.of(job)) {
            List<Reference> refs = site.kind() == Kind.SCRIPT
                    ? DataReferences.scriptTokens(site.text())
                    : DataReferences.expanded(site.text());
            for (Reference ref : refs) {
                if (!groups.contains(ref.group()) || site.inComment(ref.offset())) {
                    continue;
                }
                if (site.step() == null) {
                    boolean anywhere = production.values().stream().anyMatch(p -> p.produces(ref.group()));
                    if (site.kind() == Kind.NOTIFICATION && !anywhere) {
                        missing(site, ref, "the notification", false);
                    }
                    continue;
                }
                check(site, ref, production, last);
            }
        }
    }

    private void check(Site site, Reference ref, Map<StepView, Production> production, int last) {
        StepView step = site.step();
        String where = step.label();
        List<Production> earlier = new ArrayList<>();
        if (ref.step() > 0) {
            int n = ref.step();
            boolean before = n < step.number() || step.errorHandler() && n == step.number();
            if (n > last || !before) {
                String why = n > last
                        ? "but the job has only " + last + (last == 1 ? " step" : " steps")
                        : n == step.number() ? "which is this step itself" : "which runs later";
                if (budget.allow(site.pointer())) {
                    reportInText(
                            Severity.ERROR,
                            site.pointer(),
                            site.text(),
                            ref.offset(),
                            "\"" + ref.text() + "\" in " + where + " reads the " + ref.group() + " of step " + n + ", "
                                    + why,
                            "refer to an earlier step that sets \"" + ref.group() + "." + ref.key() + "\"");
                }
                return;
            }
        }
        for (Map.Entry<StepView, Production> e : production.entrySet()) {
            StepView t = e.getKey();
            boolean before = t.number() < step.number()
                    || step.errorHandler() && !t.errorHandler() && t.number() == step.number();
            if (before
                    && (ref.step() == 0 || t.number() == ref.step())
                    && e.getValue().produces(ref.group())) {
                earlier.add(e.getValue());
            }
        }
        if (earlier.isEmpty()) {
            boolean stub = ref.group().equals("data")
                    && production.entrySet().stream()
                            .anyMatch(e -> e.getKey().number() < step.number()
                                    && e.getValue().produces("stub"));
            missing(site, ref, where, stub);
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Production p : earlier) {
            Set<String> k = p.groups().get(ref.group());
            if (p.anything() || k == null || k.contains(null)) {
                return;
            }
            keys.addAll(k);
        }
        if (!keys.contains(ref.key())) {
            String captured = keys.isEmpty() ? "no keys" : "only " + ReferenceWording.quoted(keys);
            String hint = ref.group().equals("data")
                    ? "print \"RUNDECK:DATA:" + ref.key()
                            + "=<value>\" in an earlier step, or read one of the captured keys"
                    : "set \"" + ref.key() + "\" in an earlier step, or read one of the keys it sets";
            if (budget.allow(site.pointer())) {
                reportInText(
                        Severity.WARNING,
                        site.pointer(),
                        site.text(),
                        ref.offset(),
                        "\"" + ref.text() + "\" in " + where + " reads the " + ref.group() + " key \"" + ref.key()
                                + "\", but the earlier steps set " + captured,
                        hint);
            }
        }
    }

    private void missing(Site site, Reference ref, String where, boolean stub) {
        String message;
        String hint;
        switch (ref.group()) {
            case "data" -> {
                message =
                        "\"" + ref.text() + "\" in " + where + " reads data that no earlier step captures; data comes "
                                + "from a key-value-data log filter on an earlier step"
                                + (stub ? ", and stub data steps set \"${stub." + ref.key() + "}\" instead" : "");
                hint = stub
                        ? "write \"${stub." + ref.key() + "}\""
                        : "add a key-value-data log filter to the step that prints \"RUNDECK:DATA:" + ref.key()
                                + "=<value>\"";
            }
            case "stub" -> {
                message = "\"" + ref.text() + "\" in " + where
                        + " reads a stub value, but no earlier stub-data-step or " + "stub-node-step sets it";
                hint = "add a stub data step before it, or read the value from where it is really set";
            }
            default -> {
                message = "\"" + ref.text() + "\" in " + where + " reads the variable \"" + ref.key() + "\" of group \""
                        + ref.group() + "\", but no earlier export-var step sets that group";
                hint = "add an export-var step with group \"" + ref.group() + "\" and name \"" + ref.key()
                        + "\" before it";
            }
        }
        if (budget.allow(site.pointer())) {
            reportInText(Severity.ERROR, site.pointer(), site.text(), ref.offset(), message, hint);
        }
    }
}
