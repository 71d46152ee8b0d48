package org.runbook.coauthor.jenkins;

import java.util.List;
import java.util.Locale;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.validate.Finding;

/** What the preview page shows for one generation: the Jenkinsfile, its findings and its dry-run. */
@Restricted(NoExternalUse.class)
public final class PipelinePreview {
    private final String category;
    private final String request;
    private final GenerationResult result;

    PipelinePreview(String category, String request, GenerationResult result) {
        this.category = category;
        this.request = request;
        this.result = result;
    }

    public String getCategory() {
        return category;
    }

    public String getRequest() {
        return request;
    }

    public String getStatus() {
        return result.status().toString();
    }

    public String getMessage() {
        return result.message();
    }

    public String getScript() {
        return result.artifact();
    }

    public String getTranscript() {
        return result.transcript();
    }

    public List<Finding> getFindings() {
        return result.findings();
    }

    public List<String> getNearest() {
        return result.nearest();
    }

    /** Only a pipeline without error findings may become a job (the design's second promise). */
    public boolean isCreatable() {
        return result.ok() && result.artifact() != null;
    }

    /** A job name derived from the plan, which the user may change before creating the job. */
    public String getSuggestedName() {
        if (result.plan() == null) {
            return "";
        }
        return result.plan().name().replaceAll("[^A-Za-z0-9._-]+", "-").toLowerCase(Locale.ROOT);
    }
}
