package org.runbook.coauthor.validate;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.rules.AbstractRule;
import org.runbook.coauthor.validate.rules.Rules;

/**
 * Validates Rundeck job definitions from their text, exactly as it would read a job a human wrote.
 * Returns every finding, sorted; never throws for a problem in the input.
 */
public final class Validator {
    public List<Finding> validate(String text, String file) {
        YamlDocument document;
        try {
            document = YamlDocument.parse(text, file);
        } catch (YamlDocument.ParseError e) {
            int line = e.mark == null ? 1 : e.mark.getLine() + 1;
            int column = e.mark == null ? 1 : e.mark.getColumn() + 1;
            return List.of(new Finding(
                    "RD000",
                    Severity.ERROR,
                    file,
                    line,
                    column,
                    "",
                    "the document is not valid YAML: " + e.getMessage(),
                    "fix the YAML syntax at this position"));
        }
        JobSource source = new JobSource(file, text, document);
        List<Finding> findings = new ArrayList<>();
        for (AbstractRule rule : Rules.defaults()) {
            findings.addAll(rule.check(source));
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
