package org.runbook.coauthor.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.JobSource;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.model.JobView;
import org.runbook.coauthor.validate.read.YamlJobReader;

/** RD301-RD303 beyond their fixtures: severities, --plugins, and hostile input. */
class StepRulesTest {
    static List<Finding> run(AbstractRule rule, String yaml, ValidatorOptions options) {
        var doc = YamlJobReader.read(yaml, "t.yaml");
        List<JobView> jobs = new ArrayList<>();
        JsonNode tree = doc.tree();
        if (tree.isArray()) {
            for (int i = 0; i < tree.size(); i++) {
                if (tree.get(i).isObject()) {
                    jobs.add(new JobView(tree.get(i), "/" + i, i));
                }
            }
        }
        return rule.check(new JobSource("t.yaml", yaml, doc), jobs, options);
    }

    static final String THIRD_PARTY =
            """
            - name: j
              sequence:
                commands:
                  - type: BuildDeb
                    nodeStep: true
                  - type: HelloBash
                    nodeStep: true
            """;

    @Test
    void should_warn_about_an_unknown_type_when_the_plugin_list_is_not_given() {
        List<Finding> f = run(new UnknownStepTypeRule(), THIRD_PARTY, ValidatorOptions.defaults());
        assertEquals(2, f.size());
        assertTrue(f.stream().allMatch(x -> x.severity() == Severity.WARNING), f::toString);
    }

    @Test
    void should_reject_a_type_the_server_does_not_have_when_the_plugin_list_is_given() {
        ValidatorOptions options = ValidatorOptions.builder()
                .installedPlugins(Set.of("HelloBash", "BuildDebian"))
                .build();
        List<Finding> f = run(new UnknownStepTypeRule(), THIRD_PARTY, options);
        assertEquals(1, f.size(), f::toString);
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(
                "t.yaml:4:15: step 1 has plugin type \"BuildDeb\", which is not installed on the server; the"
                        + " closest installed provider is \"BuildDebian\" [RD301]",
                f.get(0).toString());
    }

    @Test
    void should_read_a_quoted_node_step_flag_as_groovy_does() {
        String yaml =
                """
                - name: j
                  sequence:
                    commands:
                      - type: flow-control
                        nodeStep: 'false'
                        configuration: {halt: 'true'}
                      - type: copyfile
                        nodeStep: 'false'
                        configuration: {sourcePath: /a, destinationPath: /b}
                """;
        List<Finding> f = run(new UnknownStepTypeRule(), yaml, ValidatorOptions.defaults());
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).message().contains("to the string \"false\", which Rundeck reads as true"), f::toString);
    }

    @Test
    void should_warn_about_unknown_keys_and_fail_on_missing_ones() {
        String yaml =
                """
                - name: j
                  sequence:
                    commands:
                      - type: copyfile
                        nodeStep: true
                        configuration: {sourcePath: /a, dest: /b}
                """;
        List<Finding> f = run(new PluginConfigurationRule(), yaml, ValidatorOptions.defaults());
        assertEquals(
                List.of(Severity.ERROR, Severity.WARNING),
                f.stream().map(Finding::severity).toList(),
                f::toString);
        assertTrue(f.get(1).message().endsWith("the closest is \"destinationPath\""), f::toString);
    }

    @Test
    void should_not_throw_on_hostile_input() {
        String yaml =
                """
                - name: j
                  sequence:
                    commands:
                      - type: 42
                      - type: copyfile
                        configuration: [a, b]
                      - type: ''
                      - jobref: just a string
                      - jobref: {name: x, args: [1, 2]}
                      - jobref: {uuid: '${option.u}'}
                      - type: %s
                        configuration:
                          %s: 1
                - 7
                - null
                """
                        .formatted("x".repeat(5000), "y".repeat(1000));
        for (AbstractRule rule :
                List.of(new UnknownStepTypeRule(), new PluginConfigurationRule(), new UnresolvedJobReferenceRule())) {
            run(
                    rule,
                    yaml,
                    ValidatorOptions.builder().installedPlugins(Set.of("a")).build());
        }
    }

    @Test
    void should_resolve_references_to_jobs_of_the_same_document_without_a_library() {
        String yaml =
                """
                - name: parent
                  sequence:
                    commands:
                      - jobref: {name: child, group: g, args: '-a 1 -b "x y" -c'}
                      - jobref: {name: elsewhere, args: '-whatever 1'}
                - name: child
                  group: /g/
                  options: [{name: a}, {name: b}]
                  sequence: {commands: [{exec: echo}]}
                """;
        List<Finding> f = run(new UnresolvedJobReferenceRule(), yaml, ValidatorOptions.defaults());
        assertEquals(1, f.size(), f::toString);
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).message().startsWith("step 1 passes option \"c\" to job \"g/child\""), f::toString);
    }
}
