package org.runbook.coauthor.dryrun.jenkins;

/**
 * The build fails here: an {@code error} step, a failing {@code parallel} branch. A runtime
 * exception, as in Jenkins, so a Jenkinsfile's {@code try/catch} can handle it.
 */
final class PipelineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PipelineFailure(String message) {
        super(message);
    }
}
