package org.runbook.coauthor.dryrun;

import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.model.StepView;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.read.Pointers;
import org.runbook.coauthor.validate.read.Position;
import org.runbook.coauthor.validate.support.ShellSyntax;

/** Checks an expanded script with {@code bash -n}, as it would reach the node (the validator's checker). */
final class ExpandedScripts {
    private ExpandedScripts() {}

    static void check(StepView step, String expanded, ParsedDocument doc, String file, List<Finding> findings) {
        String first = expanded.lines().findFirst().orElse("");
        if (first.startsWith("#!") && !first.matches("#!.*\\b(ba)?sh\\b.*")) {
            return;
        }
        ShellSyntax.check(expanded).stream()
                .filter(p -> !p.warning())
                .findFirst()
                .ifPresent(p -> {
                    Position at = doc.valuePosition(step.shellPointer());
                    findings.add(new Finding(
                            "DR003",
                            Severity.ERROR,
                            file,
                            at.line(),
                            at.column(),
                            Pointers.yamlPath(step.shellPointer()),
                            step.label() + " is not valid shell once its references" + " are expanded: line " + p.line()
                                    + " of the expanded script: " + p.message(),
                            "quote the references, or constrain the option values with a regex"));
                });
    }
}
