package org.runbook.coauthor.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Extension;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.Providers;

/**
 * Global settings of the pipeline wizard: which author drafts pipelines and, for LLM providers, the
 * Jenkins credential (Secret text) holding the API key. Offline needs nothing. Configuration as Code:
 *
 * <pre>{@code
 * unclassified:
 *   runbookCoauthor:
 *     provider: openai
 *     model: gpt-4o-mini
 *     credentialsId: coauthor-openai-key
 * }</pre>
 */
@Extension
@Symbol("runbookCoauthor")
public class CoauthorGlobalConfiguration extends GlobalConfiguration {
    private String provider = Providers.OFFLINE;
    private String model;
    private String baseUrl;
    private String credentialsId;

    public CoauthorGlobalConfiguration() {
        load();
    }

    public static CoauthorGlobalConfiguration get() {
        return GlobalConfiguration.all().getInstance(CoauthorGlobalConfiguration.class);
    }

    public String getProvider() {
        return provider;
    }

    @DataBoundSetter
    public void setProvider(String provider) {
        this.provider = Util.fixEmptyAndTrim(provider) == null ? Providers.OFFLINE : provider.trim();
        save();
    }

    public String getModel() {
        return model;
    }

    @DataBoundSetter
    public void setModel(String model) {
        this.model = Util.fixEmptyAndTrim(model);
        save();
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    /** The co-author these settings describe; the API key is read from the credential on each call. */
    CoAuthor coAuthor() {
        Map<String, String> settings = new HashMap<>();
        settings.put("provider", provider);
        if (model != null) {
            settings.put("model", model);
        }
        if (baseUrl != null) {
            settings.put("base-url", baseUrl);
        }
        Map<String, String> env = new HashMap<>();
        String variable = Providers.apiKeyVariable(provider);
        if (variable != null && credentialsId != null) {
            StringCredentials secret = CredentialsMatchers.firstOrNull(
                    CredentialsProvider.lookupCredentialsInItemGroup(
                            StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of()),
                    CredentialsMatchers.withId(credentialsId));
            if (secret == null) {
                throw new IllegalStateException(Messages.CoauthorGlobalConfiguration_errors_missingCredential(credentialsId));
            }
            env.put(variable, secret.getSecret().getPlainText());
        }
        // No fallback: a wizard user should see that the configured provider failed, not a silent switch.
        return Providers.coAuthor(settings, env, null, null, 2);
    }

    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillProviderItems() {
        ListBoxModel items = new ListBoxModel();
        Providers.names().forEach(items::add);
        return items;
    }

    @POST
    @Restricted(NoExternalUse.class)
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return new StandardListBoxModel().includeCurrentValue(credentialsId);
        }
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(
                        ACL.SYSTEM2, Jenkins.get(), StringCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    @POST
    @Restricted(NoExternalUse.class)
    public FormValidation doCheckCredentialsId(@QueryParameter String provider, @QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (Providers.apiKeyVariable(Util.fixEmptyAndTrim(provider)) != null && Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.error(Messages.CoauthorGlobalConfiguration_errors_credentialRequired());
        }
        return FormValidation.ok();
    }
}
