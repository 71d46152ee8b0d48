package org.runbook.coauthor.validate.jenkins.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.Validator;
import org.runbook.coauthor.validate.ValidatorConfig;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.jenkins.StepCatalog;
import org.runbook.coauthor.validate.jenkins.model.JenkinsfileReader;

/** The JK rules beyond their fixtures: hints, scripted pipelines, placeholders, settings. */
class JenkinsRulesTest {
    static String pipeline(String steps) {
        return "pipeline {\n    agent any\n    stages {\n        stage('Build') {\n            steps {\n" + steps
                + "\n            }\n        }\n    }\n}\n";
    }

    static List<Finding> validate(String text) {
        return new Validator().validate(text, "Jenkinsfile");
    }

    @Test
    void should_suggest_the_nearest_section_counting_a_swap_as_one_edit() {
        String text = "pipeline {\n  agent any\n  stages {\n    stage('a') {\n      stpes { echo 'x' }\n"
                + "      steps { echo 'y' }\n    }\n  }\n}\n";
        Finding f = validate(text).stream()
                .filter(x -> x.ruleId().equals("JK004"))
                .findFirst()
                .orElseThrow();
        assertEquals("did you mean \"steps\"?", f.hint());
    }

    @Test
    void should_list_the_nearest_known_steps_for_an_unknown_step() {
        Finding f = validate(pipeline("                archiveArtifact 'x'")).get(0);
        assertEquals("JK008", f.ruleId());
        assertTrue(f.hint().startsWith("did you mean \"archiveArtifacts\"?"), f.hint());
        assertTrue(f.hint().contains("--jenkins-steps FILE"), f.hint());
    }

    @Test
    void should_accept_steps_listed_in_an_installed_steps_file(@TempDir Path dir) throws IOException {
        Path steps = Files.writeString(dir.resolve("steps.txt"), "# from the controller\nmyCompanyDeploy\n");
        String text = pipeline("                myCompanyDeploy target: 'eu'");
        assertEquals("JK008", validate(text).get(0).ruleId());
        assertEquals(
                List.of(),
                new Validator(ValidatorOptions.builder().jenkinsSteps(steps).build()).validate(text, "Jenkinsfile"));
    }

    @Test
    void should_refuse_an_installed_steps_file_that_is_not_a_list_of_names(@TempDir Path dir) throws IOException {
        Path steps = Files.writeString(dir.resolve("steps.txt"), "sh\nnot a name\n");
        InvalidInputException e = assertThrows(
                InvalidInputException.class, () -> StepCatalog.bundled().withInstalled(steps));
        assertTrue(e.getMessage().contains("\"not a name\" is not a step name"), e.getMessage());
    }

    @Test
    void should_check_scripted_pipelines_for_syntax_steps_and_dangerous_code_only() {
        String text = "node('linux') {\n    shh 'make'\n    sh \"deploy ${params.BRANCH}\"\n"
                + "    Runtime.getRuntime().exec('id')\n    stage('') { sh 'curl -k https://x' }\n}\n";
        List<String> ids = validate(text).stream().map(Finding::ruleId).toList();
        assertEquals(List.of("JK008", "JK106"), ids);
    }

    @Test
    void should_replace_groovy_interpolation_with_a_placeholder_word_before_the_shell_tools() {
        var prepared = ShellBodies.prepare(
                JenkinsfileReader.read(pipeline("                sh \"cd ${params.DIR} && make ${env.TARGET}\""), "J")
                        .calls()
                        .stream()
                        .filter(c -> c.name().equals("sh"))
                        .findFirst()
                        .orElseThrow()
                        .script()
                        .orElseThrow());
        assertEquals("cd groovy_param_DIR && make groovy_value", prepared.text());
        assertEquals(3, prepared.originOf(3), "the placeholder maps back to the start of ${params.DIR}");
        assertTrue(prepared.lineHasReplacement(1));
    }

    @Test
    void should_point_at_the_interpolation_as_written_with_or_without_braces() {
        String text = pipeline("                withCredentials([string(credentialsId: 'c', variable: 'T')]) {\n"
                + "                    sh \"curl -u $T:${T} https://x\"\n                }");
        List<String> found = validate(text).stream()
                .filter(f -> f.ruleId().equals("JK104"))
                .map(f -> f.line() + ":" + f.column())
                .toList();
        assertEquals(List.of("7:33", "7:36"), found);
    }

    @Test
    void should_not_report_a_secret_read_by_the_shell_in_single_quotes() {
        String text = pipeline("                withCredentials([usernamePassword(credentialsId: 'c',"
                + " usernameVariable: 'U', passwordVariable: 'P')]) {\n"
                + "                    sh 'curl -u \"$U:$P\" https://x'\n                }");
        assertEquals(List.of(), validate(text));
    }

    @Test
    void should_report_shellcheck_missing_once_per_file_as_info() {
        String text = pipeline("                sh 'cd /tmp'\n                sh 'cd /var'");
        var rule = new ShellcheckStepRule("shellcheck-that-does-not-exist-4711");
        List<Finding> f = rule.run(
                JenkinsfileReader.read(text, "Jenkinsfile"), new JenkinsRule.Settings(StepCatalog.bundled(), true));
        assertEquals(
                List.of("Jenkinsfile:6:17: shellcheck not installed, JK202 skipped [JK202]"),
                f.stream().map(Finding::toString).toList());
        assertEquals(Severity.INFO, f.get(0).severity());
        assertEquals(
                List.of(),
                rule.run(
                        JenkinsfileReader.read(text, "Jenkinsfile"),
                        new JenkinsRule.Settings(StepCatalog.bundled(), false)));
    }

    @Test
    void should_apply_per_path_rule_settings_to_jenkinsfiles() {
        String text = pipeline("                sh 'curl -k https://x'");
        ValidatorConfig config = new ValidatorConfig(
                Map.of("JK205", "warning"),
                List.of(new ValidatorConfig.PathRules("legacy/**", Map.of("JK205", "off"))));
        Validator v = new Validator(ValidatorOptions.builder().config(config).build());
        assertEquals(Severity.WARNING, v.validate(text, "ci/Jenkinsfile").get(0).severity());
        assertEquals(List.of(), v.validate(text, "legacy/app/Jenkinsfile"));
    }

    @Test
    void should_warn_rather_than_fail_on_params_when_the_file_defines_none() {
        Finding f = validate(pipeline("                echo \"${params.FROM_JOB_CONFIG}\""))
                .get(0);
        assertEquals("JK101", f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void should_not_report_choice_and_boolean_parameters_interpolated_into_sh() {
        String text = "pipeline {\n  agent any\n  parameters {\n    choice(name: 'R', choices: ['eu', 'us'])\n"
                + "    booleanParam(name: 'F', defaultValue: false)\n  }\n  stages {\n    stage('a') {\n"
                + "      steps {\n        sh \"deploy --region ${params.R} --force=${params.F}\"\n      }\n    }\n  }\n}\n";
        assertEquals(List.of(), validate(text));
    }

    @Test
    void should_count_a_confirmation_parameter_checked_before_as_a_guard() {
        String text =
                "pipeline {\n  agent any\n  parameters {\n    booleanParam(name: 'CONFIRM_DESTROY', defaultValue: false)\n"
                        + "  }\n  stages {\n    stage('a') {\n      when { expression { return params.CONFIRM_DESTROY } }\n"
                        + "      steps {\n        sh 'terraform destroy -auto-approve'\n      }\n    }\n  }\n}\n";
        assertEquals(List.of(), validate(text));
    }

    @Test
    void should_read_a_file_of_methods_as_a_scripted_library_step() {
        String library = "def call(Map args) {\n    sh 'make'\n    shh 'make test'\n}\n";
        assertEquals(
                List.of("Jenkinsfile:3:5: \"shh\" is not a known step [JK008]"),
                validate(library).stream().map(Finding::toString).toList());
        assertEquals("JK002", validate("def x = 1\n").get(0).ruleId());
    }
}
