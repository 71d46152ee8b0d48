package org.runbook.coauthor.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Item;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CoauthorActionTest {
    private static final String SERVER_REQUEST = "Show disk usage of the root filesystem on this server";

    @Test
    void should_show_the_wizard_with_the_catalog_categories(JenkinsRule j) throws Exception {
        HtmlPage page = j.createWebClient().goTo(CoauthorAction.URL_NAME);
        HtmlForm form = page.getFormByName("generate");
        assertNotNull(form.getTextAreaByName("request"));
        assertTrue(page.asNormalizedText().contains("Data Transfers"), "categories come from the catalog");
    }

    @Test
    void should_preview_a_validated_pipeline_and_create_a_job_that_runs(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.goTo(CoauthorAction.URL_NAME);
        HtmlForm form = page.getFormByName("generate");
        form.getTextAreaByName("request").setText(SERVER_REQUEST);
        HtmlPage preview = j.submit(form);

        String script = preview.getElementById("coauthor-script").getTextContent();
        assertTrue(script.startsWith("//") || script.contains("pipeline {"), script);
        assertNotNull(preview.getElementById("coauthor-transcript"), "the dry-run transcript is shown");

        HtmlForm create = preview.getFormByName("create");
        create.getInputByName("name").setValue("disk-usage");
        j.submit(create);

        WorkflowJob job = j.jenkins.getItemByFullName("disk-usage", WorkflowJob.class);
        assertNotNull(job, "the Pipeline job was created");
        WorkflowRun run = j.buildAndAssertSuccess(job);
        j.assertLogContains("Filesystem", run);
    }

    @Test
    void should_refuse_to_create_a_job_from_a_script_with_error_findings(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(wc.createCrumbedUrl(CoauthorAction.URL_NAME + "/create"), HttpMethod.POST);
        post.getRequestParameters().add(new NameValuePair("name", "broken"));
        post.getRequestParameters().add(new NameValuePair("script", "pipeline { stages { stage('x') { steps { } } } }"));
        Page response = wc.getPage(post);

        assertEquals(400, response.getWebResponse().getStatusCode());
        assertTrue(response.getWebResponse().getContentAsString().contains("JK"), "names the rule");
        assertNull(j.jenkins.getItem("broken"));
    }

    @Test
    void should_deny_generation_to_users_without_item_create(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.CREATE)
                .everywhere()
                .to("author"));
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        reader.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(reader.createCrumbedUrl(CoauthorAction.URL_NAME + "/generate"), HttpMethod.POST);
        post.getRequestParameters().add(new NameValuePair("request", SERVER_REQUEST));

        assertEquals(403, reader.getPage(post).getWebResponse().getStatusCode());
        assertFalse(reader.goTo("").asNormalizedText().contains("Runbook Co-author"), "no sidebar link");

        JenkinsRule.WebClient author = j.createWebClient().login("author");
        WebRequest allowed = new WebRequest(author.createCrumbedUrl(CoauthorAction.URL_NAME + "/generate"), HttpMethod.POST);
        allowed.getRequestParameters().add(new NameValuePair("request", SERVER_REQUEST));
        assertEquals(200, author.getPage(allowed).getWebResponse().getStatusCode());
    }

    @Test
    void should_reject_generate_without_a_crumb(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        WebRequest post = new WebRequest(new URL(j.getURL(), CoauthorAction.URL_NAME + "/generate"), HttpMethod.POST);
        post.getRequestParameters().add(new NameValuePair("request", SERVER_REQUEST));
        assertEquals(403, wc.getPage(post).getWebResponse().getStatusCode());
    }

    @Test
    void should_reject_generate_by_get(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        Page page = wc.goTo(CoauthorAction.URL_NAME + "/generate?request=x", null);
        assertEquals(405, page.getWebResponse().getStatusCode());
    }

}
