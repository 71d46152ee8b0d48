package org.runbook.coauthor.validate;

import java.util.ArrayList;
import java.util.List;
import org.runbook.coauthor.validate.jenkins.JenkinsFiles;
import org.runbook.coauthor.validate.jenkins.JenkinsValidator;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.ParseProblem;
import org.runbook.coauthor.validate.read.ParsedDocument;
import org.runbook.coauthor.validate.rules.AbstractRule;
import org.runbook.coauthor.validate.rules.Rules;

/**
 * Validates Rundeck job definitions (YAML, JSON or XML) from their text, exactly as it would read a
 * job a human wrote, and Jenkinsfiles (files that {@link JenkinsFiles#isJenkinsfile(String)} names)
 * with {@link JenkinsValidator}. Returns every finding, sorted; never throws for a problem in the
 * input. Thread-safe: rules are created per run.
 */
public final class Validator {
    private final ValidatorOptions options;
    private final JenkinsValidator jenkins;

    public Validator() {
        this(ValidatorOptions.defaults());
    }

    /**
     * @throws org.runbook.coauthor.error.InvalidInputException when {@code options.jenkinsSteps()}
     *     cannot be read or is not a list of step names
     */
    public Validator(ValidatorOptions options) {
        this.options = options;
        this.jenkins = new JenkinsValidator(options);
    }

    public List<Finding> validate(String text, String file) {
        if (JenkinsFiles.isJenkinsfile(file)) {
            return jenkins.validate(text, file);
        }
        String clean = JobDocuments.stripBom(text);
        ParsedDocument document;
        try {
            document = JobDocuments.read(clean, file);
        } catch (ParseProblem e) {
            Finding f = new Finding(
                    "RD000",
                    Severity.ERROR,
                    file,
                    e.position().line(),
                    e.position().column(),
                    "",
                    "the document cannot be read as a " + JobDocuments.formatOf(clean, file) + " job definition: "
                            + e.getMessage(),
                    "fix the syntax at this position");
            return List.of(f);
        }
        JobSource source = new JobSource(file, clean, document);
        List<JobView> jobs = JobDocuments.jobs(document.tree());
        List<Finding> findings = new ArrayList<>();
        for (AbstractRule rule : Rules.defaults()) {
            for (Finding f : rule.check(source, jobs, options)) {
                options.config().apply(f).ifPresent(findings::add);
            }
        }
        findings.sort(Finding.ORDER);
        return List.copyOf(findings);
    }
}
