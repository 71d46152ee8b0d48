package org.runbook.coauthor.batch;

import org.runbook.coauthor.api.GenerationResult;

/**
 * What happened to one batch entry: a result, or the error that kept it from producing one.
 *
 * @param artifactFile the file name written in the output directory, or null
 */
public record BatchOutcome(BatchEntry entry, GenerationResult result, String error, String artifactFile, long millis) {
    public boolean ok() {
        return result != null && result.ok();
    }
}
