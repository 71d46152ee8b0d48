package org.runbook.coauthor.validate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.support.KnownProviders.Origin;
import org.runbook.coauthor.validate.support.KnownProviders.Provider;

/** The provider table in job-schemas is consistent with itself and with the Rundeck 5.4 reference. */
class KnownProvidersTest {
    @Test
    void should_list_every_step_provider_rundeck_5_4_bundles() {
        for (String name : List.of(
                "exec-command",
                "script-inline",
                "script-file-url",
                "copyfile",
                "localexec",
                "stub-node-step",
                "flow-control",
                "job-state-conditional",
                "export-var",
                "source-refresh-plugin",
                "stub-data-step",
                "log-data-step",
                "com.batix.rundeck.plugins.AnsiblePlaybookWorkflowStep",
                "com.batix.rundeck.plugins.AnsiblePlaybookInlineWorkflowStep",
                "com.batix.rundeck.plugins.AnsibleModuleWorkflowStep")) {
            assertTrue(KnownProviders.find(name).isPresent(), name);
        }
    }

    @Test
    void should_keep_each_provider_consistent() {
        for (Provider p : KnownProviders.all()) {
            assertTrue(Set.of("WorkflowStep", "WorkflowNodeStep").contains(p.service()), p.name());
            assertEquals(!p.service().equals("WorkflowStep"), p.nodeStep(), p.name() + ": nodeStep vs service");
            assertEquals(p.origin() == Origin.COAUTHOR, KnownProviders.isCoauthorName(p.name()), p.name());
            if (p.keysKnown()) {
                assertTrue(p.keys().containsAll(p.required()), p.name() + ": required keys are keys");
                assertTrue(p.keys().containsAll(p.values().keySet()), p.name() + ": select keys are keys");
                assertTrue(p.keys().containsAll(p.defaults().keySet()), p.name() + ": defaulted keys are keys");
                p.requiredOneOf().forEach(g -> assertTrue(p.keys().containsAll(g), p.name()));
            }
            for (String r : p.required()) {
                assertTrue(!p.defaults().containsKey(r), p.name() + ": a required key with a default is not required");
            }
        }
    }

    @Test
    void should_know_the_required_configuration_of_the_bundled_steps() {
        assertEquals(
                List.of("sourcePath", "destinationPath"),
                KnownProviders.find("copyfile").orElseThrow().required());
        assertEquals(
                List.of("value", "export"),
                KnownProviders.find("export-var").orElseThrow().required());
        assertEquals(
                List.of("command"),
                KnownProviders.find("localexec").orElseThrow().required());
    }
}
