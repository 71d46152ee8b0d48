package org.runbook.coauthor.validate.jenkins.rules;

import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.jenkins.model.Jenkinsfile;

/**
 * JK001: the Groovy compiler rejects the file (its message, at its line and column), or the file
 * breaks a reading limit ({@code JenkinsfileReader.MAX_CHARS}, {@code MAX_DEPTH}). Nothing else is
 * checked in such a file.
 */
public final class SyntaxErrorRule extends JenkinsRule {
    @Override
    public String id() {
        return "JK001";
    }

    @Override
    public String title() {
        return "the file is not valid Groovy, or too large or too deeply nested to read";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public boolean scripted() {
        return true;
    }

    @Override
    protected void check(Jenkinsfile jenkinsfile) {
        jenkinsfile.problems().forEach(p -> report(p.position(), p.message(), p.hint()));
    }
}
