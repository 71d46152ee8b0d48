package org.runbook.coauthor.validate.jenkins;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;
import org.runbook.coauthor.validate.jenkins.rules.JenkinsRule;
import org.runbook.coauthor.validate.jenkins.rules.JenkinsRules;

/**
 * Validates a Jenkinsfile from its text: parses it with the Groovy compiler (never runs it), builds
 * the declarative model and runs the JK rules. A file that does not parse gets its JK001 findings
 * only; a scripted pipeline gets the rules that apply to it (syntax, steps, dangerous code). Returns
 * every finding sorted, with the per-path rule settings of the options applied; never throws for a
 * problem in the input.
 */
public final class JenkinsValidator {
    private final ValidatorOptions options;
    private final JenkinsRule.Settings settings;

    public JenkinsValidator(ValidatorOptions options) {
        this.options = options;
        StepCatalog steps = options.jenkinsSteps() == null
                ? StepCatalog.bundled()
                : StepCatalog.bundled().withInstalled(options.jenkinsSteps());
        this.settings = new JenkinsRule.Settings(steps, options.shellcheck());
    }

    public List<Finding> validate(String text, String file) {
        Jenkinsfile jenkinsfile = JenkinsfileReader.read(text, file);
        List<Finding> findings = new ArrayList<>();
        for (JenkinsRule rule : JenkinsRules.defaults()) {
            boolean applies = jenkinsfile.readable()
                    ? !rule.id().equals("JK001") && (rule.scripted() || jenkinsfile.kind() != Jenkinsfile.Kind.SCRIPTED)
                    : rule.id().equals("JK001");
            if (applies) {
                for (Finding f : rule.run(jenkinsfile, settings)) {
                    options.config().apply(f).ifPresent(findings::add);
                }
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
