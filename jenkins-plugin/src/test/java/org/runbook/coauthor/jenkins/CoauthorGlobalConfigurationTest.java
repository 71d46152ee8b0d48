package org.runbook.coauthor.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.util.Secret;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class CoauthorGlobalConfigurationTest {
    @Test
    void should_round_trip_the_settings_through_the_configuration_page(JenkinsRule j) throws Exception {
        CoauthorGlobalConfiguration config = CoauthorGlobalConfiguration.get();
        config.setProvider("openai");
        config.setModel("gpt-4o-mini");
        config.setBaseUrl("https://gateway.example.com/v1");
        config.setCredentialsId("coauthor-key");
        j.configRoundtrip();
        CoauthorGlobalConfiguration after = CoauthorGlobalConfiguration.get();
        j.assertEqualDataBoundBeans(config, after);
        assertEquals("openai", after.getProvider());
    }

    @Test
    void should_default_to_the_offline_author(JenkinsRule j) {
        CoauthorGlobalConfiguration config = CoauthorGlobalConfiguration.get();
        config.setProvider("");
        assertEquals("offline", config.coAuthor().authorName());
    }

    @Test
    void should_read_the_api_key_from_the_selected_credential(JenkinsRule j) throws Exception {
        CredentialsProvider.lookupStores(j.jenkins).iterator().next().addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, "coauthor-key", "LLM key", Secret.fromString("sk-test-not-real")));
        CoauthorGlobalConfiguration config = CoauthorGlobalConfiguration.get();
        config.setProvider("openai");
        config.setModel("gpt-4o-mini");
        config.setCredentialsId("coauthor-key");
        assertEquals("openai", config.coAuthor().authorName());
    }

    @Test
    void should_say_which_credential_is_missing(JenkinsRule j) {
        CoauthorGlobalConfiguration config = CoauthorGlobalConfiguration.get();
        config.setProvider("openai");
        config.setCredentialsId("nope");
        IllegalStateException e = assertThrows(IllegalStateException.class, config::coAuthor);
        assertEquals(true, e.getMessage().contains("\"nope\""));
    }
}
