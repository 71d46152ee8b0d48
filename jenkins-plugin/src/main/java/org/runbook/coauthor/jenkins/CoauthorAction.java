package org.runbook.coauthor.jenkins;

import hudson.Extension;
import hudson.Util;
import hudson.model.Failure;
import hudson.model.Item;
import hudson.model.RootAction;
import hudson.util.FormValidation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.runbook.coauthor.api.CategoryInfo;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.dryrun.ArtifactCheck;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;

/**
 * The "Runbook Co-author" page: category and request in, a validated and dry-run Jenkinsfile out,
 * then "Create Pipeline job". Generation and validation are generator-core's; this is glue.
 */
@Extension
public class CoauthorAction implements RootAction {
    static final String URL_NAME = "runbook-coauthor";
    /** The generator's own check (rules, then the sandboxed dry-run), applied to what the browser posts back. */
    private static final ArtifactCheck CHECK = new ArtifactCheck(new Validator());

    @Override
    public String getIconFileName() {
        // Hidden from users who could not create the job anyway.
        return Jenkins.get().hasPermission(Item.CREATE) ? "symbol-document-text-outline plugin-ionicons-api" : null;
    }

    @Override
    public String getDisplayName() {
        return Messages.CoauthorAction_DisplayName();
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    @Restricted(NoExternalUse.class)
    public List<CategoryInfo> getCategories() {
        return CoAuthor.categories();
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckRequest(@QueryParameter String value) {
        Jenkins.get().checkPermission(Item.CREATE);
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.error(Messages.CoauthorAction_errors_emptyRequest());
        }
        if (text.length() > GenerationRequest.MAX_TEXT_LENGTH) {
            return FormValidation.error(
                    Messages.CoauthorAction_errors_longRequest(text.length(), GenerationRequest.MAX_TEXT_LENGTH));
        }
        return FormValidation.ok();
    }

    /** Drafts, renders, validates and dry-runs a pipeline, then shows the preview page. */
    @POST
    @Restricted(NoExternalUse.class)
    public HttpResponse doGenerate(@QueryParameter String category, @QueryParameter String request) {
        Jenkins.get().checkPermission(Item.CREATE);
        String text = Util.fixEmptyAndTrim(request);
        if (text == null) {
            return HttpResponses.errorWithoutStack(400, Messages.CoauthorAction_errors_emptyRequest());
        }
        GenerationResult result;
        try {
            result = CoauthorGlobalConfiguration.get()
                    .coAuthor()
                    .generate(GenerationRequest.builder()
                            .text(text)
                            .category(Util.fixEmptyAndTrim(category))
                            .target(Target.JENKINS)
                            .build());
        } catch (CoauthorException | IllegalStateException e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        }
        return HttpResponses.forwardToView(this, "preview").with("preview", new PipelinePreview(category, text, result));
    }

    /**
     * Creates a Pipeline job from a previewed script. The script is validated again here: what the
     * browser posts back is not trusted to be what was previewed.
     */
    @POST
    @Restricted(NoExternalUse.class)
    public HttpResponse doCreate(@QueryParameter String name, @QueryParameter String script) throws IOException {
        Jenkins jenkins = Jenkins.get();
        jenkins.checkPermission(Item.CREATE);
        String jobName = Util.fixEmptyAndTrim(name);
        if (jobName == null) {
            return HttpResponses.errorWithoutStack(400, Messages.CoauthorAction_errors_emptyName());
        }
        try {
            Jenkins.checkGoodName(jobName);
        } catch (Failure e) {
            return HttpResponses.errorWithoutStack(400, e.getMessage());
        }
        if (jenkins.getItem(jobName) != null) {
            return HttpResponses.errorWithoutStack(409, Messages.CoauthorAction_errors_exists(jobName));
        }
        String text = script == null ? "" : script;
        List<Finding> errors = CHECK.check(text, "Jenkinsfile").findings().stream()
                .filter(Finding::isError)
                .toList();
        if (!errors.isEmpty()) {
            return HttpResponses.errorWithoutStack(
                    400,
                    Messages.CoauthorAction_errors_invalid(
                            errors.stream().map(Finding::toString).collect(Collectors.joining("\n"))));
        }
        WorkflowJob job = jenkins.createProject(WorkflowJob.class, jobName);
        // Sandboxed: the pipeline runs under script security like any user-written Jenkinsfile.
        job.setDefinition(new CpsFlowDefinition(text, true));
        job.save();
        return HttpResponses.redirectViaContextPath(job.getUrl());
    }
}
