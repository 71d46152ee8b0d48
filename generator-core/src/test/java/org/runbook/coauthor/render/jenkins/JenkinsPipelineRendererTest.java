package org.runbook.coauthor.render.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.author.offline.OfflineAuthor;
import org.runbook.coauthor.plan.Action;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.NodeSelector;
import org.runbook.coauthor.plan.OptionType;
import org.runbook.coauthor.plan.PlanNotification;
import org.runbook.coauthor.plan.PlanOption;
import org.runbook.coauthor.plan.PlanStep;
import org.runbook.coauthor.plan.PlanTarget;
import org.runbook.coauthor.plan.Provenance;
import org.runbook.coauthor.plan.Risk;
import org.runbook.coauthor.plan.RunOn;
import org.runbook.coauthor.plan.RunbookPlan;
import org.runbook.coauthor.plan.Target;

class JenkinsPipelineRendererTest {
    static final String CANONICAL = "Help me write an automated runbook that transfers a file from a directory on a"
            + " remote node to an S3 bucket in AWS. I should be able to specify the hostname of the remote node, the"
            + " file name and the S3 bucket.";

    private static RunbookPlan canonical;
    private final JenkinsPipelineRenderer renderer = new JenkinsPipelineRenderer();

    @BeforeAll
    static void draft() {
        canonical = OfflineAuthor.bundled()
                .draft(GenerationRequest.builder()
                        .text(CANONICAL)
                        .category("Data Transfers")
                        .target(Target.JENKINS)
                        .build());
    }

    @Test
    void should_render_the_canonical_request_with_three_parameters_sshagent_and_the_upload() {
        String jenkinsfile = renderer.render(canonical);
        Jenkinsfiles.Parsed parsed = Jenkinsfiles.assertSound(jenkinsfile, "canonical");
        assertTrue(jenkinsfile.contains("string(name: 'HOSTNAME_PARAM'"), jenkinsfile);
        assertTrue(jenkinsfile.contains("string(name: 'FILE_NAME'"), jenkinsfile);
        assertTrue(jenkinsfile.contains("string(name: 'BUCKET'"), jenkinsfile);
        assertTrue(parsed.calls().contains("sshagent"), jenkinsfile);
        String nodeSide = String.join("", Jenkinsfiles.nodeScripts(String.join("", parsed.scripts())));
        assertTrue(
                nodeSide.contains("aws s3 cp \"${DIRECTORY}/${FILE_NAME}\" \"s3://${BUCKET}/${FILE_NAME}\""), nodeSide);
        String agentSide = String.join("", parsed.scripts());
        assertTrue(agentSide.contains("read -r -a hosts <<< \"${HOSTNAME_PARAM}\""), agentSide);
        assertTrue(agentSide.contains("on_node \"$host\" DIRECTORY FILE_NAME BUCKET <<'COAUTHOR_STEP'"), agentSide);
        assertFalse(jenkinsfile.contains("\"\"\""), "no double-quoted Groovy strings at all");
        assertFalse(jenkinsfile.contains("${option."), "plan references are all mapped");
    }

    @Test
    void should_render_the_same_bytes_for_the_same_plan() {
        assertEquals(renderer.render(canonical), renderer.render(canonical));
        assertEquals(renderer.render(canonical), new JenkinsPipelineRenderer().render(canonical));
    }

    @Test
    void should_check_required_values_and_patterns_before_any_step() {
        String jenkinsfile = renderer.render(canonical);
        String check = Jenkinsfiles.parse(jenkinsfile).scripts().get(0);
        assertTrue(check.contains("parameter BUCKET is required"), check);
        assertTrue(check.contains("re='^(^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$)$'"), check);
        assertTrue(jenkinsfile.indexOf("stage('Check parameters')") < jenkinsfile.indexOf("sshagent"), jenkinsfile);
    }

    @Test
    void should_bind_a_secure_option_as_credentials_and_never_as_a_password_parameter() {
        PlanOption secret = new PlanOption(
                "db_password",
                "Password",
                OptionType.TEXT,
                true,
                true,
                "keys/coauthor/db_password",
                null,
                List.of(),
                null,
                false);
        RunbookPlan plan = plan(
                List.of(secret),
                PlanTarget.server(),
                step(
                        "s1",
                        Action.SCRIPT,
                        Map.of("script", "PGPASSWORD=\"${option.db_password}\" psql -c 'select 1'"),
                        Risk.READ_ONLY));
        String jenkinsfile = renderer.render(plan);
        Jenkinsfiles.Parsed parsed = Jenkinsfiles.assertSound(jenkinsfile, "secret");
        assertFalse(jenkinsfile.contains("password("), jenkinsfile);
        assertFalse(jenkinsfile.contains("name: 'DB_PASSWORD'"), jenkinsfile);
        assertTrue(
                jenkinsfile.contains(
                        "withCredentials([string(credentialsId: 'coauthor-db_password', variable: 'DB_PASSWORD')])"),
                jenkinsfile);
        assertTrue(
                parsed.scripts().get(0).contains("PGPASSWORD=\"${DB_PASSWORD}\""),
                parsed.scripts().get(0));
        assertTrue(jenkinsfile.contains("//   db_password -> coauthor-db_password"), jenkinsfile);
    }

    @Test
    void should_guard_destructive_stages_with_an_unticked_confirmation() {
        PlanOption confirm = new PlanOption(
                "confirm",
                "Choose yes to confirm.",
                OptionType.ENUM,
                true,
                false,
                null,
                null,
                List.of("yes"),
                null,
                false);
        RunbookPlan plan = plan(
                List.of(PlanOption.text("nodes", "Nodes"), confirm),
                PlanTarget.nodes(new NodeSelector("name", "${option.nodes}"), 1),
                step("list", Action.COMMAND, Map.of("command", "ls /data"), Risk.READ_ONLY),
                new PlanStep(
                        "wipe",
                        "Wipe",
                        Action.COMMAND,
                        Map.of("command", "rm -rf /data/cache"),
                        RunOn.NODES,
                        null,
                        Risk.DESTRUCTIVE,
                        "other-block"));
        String jenkinsfile = renderer.render(plan);
        Jenkinsfiles.assertSound(jenkinsfile, "destructive");
        assertTrue(jenkinsfile.contains("booleanParam(name: 'CONFIRM', defaultValue: false"), jenkinsfile);
        assertFalse(jenkinsfile.contains("choice(name: 'CONFIRM'"), jenkinsfile);
        String wipe = jenkinsfile.substring(jenkinsfile.indexOf("stage('Wipe')"));
        assertTrue(wipe.startsWith("stage('Wipe') {\n            when { expression { return params.CONFIRM } }"), wipe);
        String list =
                jenkinsfile.substring(jenkinsfile.indexOf("stage('Do it')"), jenkinsfile.indexOf("stage('Wipe')"));
        assertFalse(list.contains("when"), list);
        assertTrue(jenkinsfile.contains("when { expression { return !params.CONFIRM } }"), jenkinsfile);
    }

    @Test
    void should_add_a_confirmation_to_a_destructive_plan_without_one() {
        RunbookPlan plan = plan(
                List.of(),
                PlanTarget.server(),
                step("s1", Action.COMMAND, Map.of("command", "rm -rf /var/tmp/build"), Risk.DESTRUCTIVE));
        String jenkinsfile = renderer.render(plan);
        assertTrue(jenkinsfile.contains("booleanParam(name: 'CONFIRM', defaultValue: false"), jenkinsfile);
        assertTrue(jenkinsfile.contains("when { expression { return params.CONFIRM } }"), jenkinsfile);
    }

    @Test
    void should_escape_hostile_text_everywhere_and_still_parse() {
        String hostile = "it's ''' \\ $HOME ${env.X} \"q\" \\u0027 `id`";
        PlanOption option =
                new PlanOption("path", hostile, OptionType.TEXT, false, false, null, hostile, List.of(), null, false);
        PlanOption choice = new PlanOption(
                "mode",
                hostile,
                OptionType.ENUM,
                false,
                false,
                null,
                "b'''",
                List.of("a$", "b'''", "c\\"),
                null,
                false);
        RunbookPlan plan = new RunbookPlan(
                hostile,
                "g",
                hostile + "\nsecond line '''",
                "c",
                List.of(option, choice),
                PlanTarget.nodes(new NodeSelector("tags", hostile), 2),
                List.of(
                        new PlanStep(
                                "s1",
                                hostile,
                                Action.SCRIPT,
                                Map.of(
                                        "script",
                                        "printf '%s\\n' 'it'\\''s' \"${option.path}\"\ncat <<'COAUTHOR_STEP'\n"
                                                + "'''\\n${x}\nCOAUTHOR_STEP\necho \"\\\\\" '$HOME'"),
                                RunOn.NODES,
                                "echo 'failed: ${option.path}'",
                                Risk.MUTATING,
                                "b1"),
                        new PlanStep(
                                "s2",
                                hostile,
                                Action.COMMAND,
                                Map.of("command", "echo ${option.mode}"),
                                RunOn.SERVER,
                                "echo \"it's bad\"",
                                Risk.MUTATING,
                                "b2")),
                List.of(new PlanNotification("failure", "webhook", "https://example.com/h?a='b'&c=$d")),
                null,
                new Provenance("offline", List.of("b1"), null, null, List.of()));
        String jenkinsfile = renderer.render(plan);
        Jenkinsfiles.Parsed parsed = Jenkinsfiles.assertSound(jenkinsfile, "hostile");
        String all = String.join("\n", parsed.scripts());
        assertTrue(all.contains("'\\''''\\n${x}\nCOAUTHOR_STEP\n") || all.contains("'''\\n${x}\nCOAUTHOR_STEP\n"), all);
        List<String> node = Jenkinsfiles.nodeScripts(all);
        assertTrue(node.get(0).contains("printf '%s\\n' 'it'\\''s' \"${PATH_PARAM}\""), node.get(0));
        assertTrue(node.get(0).contains("'''\\n${x}\nCOAUTHOR_STEP\necho \"\\\\\" '$HOME'"), node.get(0));
        assertTrue(jenkinsfile.contains("string(name: 'HOSTS'"), jenkinsfile);
        assertTrue(jenkinsfile.contains("choice(name: 'MODE', choices: ['b\\'\\'\\'', 'a$', 'c\\\\']"), jenkinsfile);
        assertTrue(all.contains("--url 'https://example.com/h?a='\\''b'\\''&c=$d'"), all);
    }

    @Test
    void should_use_only_steps_of_the_jenkins_step_catalog() {
        RunbookPlan plan = plan(
                List.of(PlanOption.text("url", "URL")),
                PlanTarget.nodes(new NodeSelector("name", "web01"), 1),
                step("s1", Action.HTTP_REQUEST, Map.of("url", "${option.url}"), Risk.READ_ONLY),
                new PlanStep(
                        "s2",
                        "Copy",
                        Action.COPY_FILE,
                        Map.of("source", "/tmp/a", "destination", "/tmp/b"),
                        RunOn.NODES,
                        null,
                        Risk.MUTATING,
                        "b2"),
                new PlanStep(
                        "s3",
                        "Child",
                        Action.JOB_REF,
                        Map.of("name", "child", "group", "ops", "args", "-url ${option.url} -mode \"fast lane\""),
                        RunOn.SERVER,
                        null,
                        Risk.MUTATING,
                        "b3"),
                new PlanStep(
                        "s4",
                        "Wait",
                        Action.WAIT_UNTIL,
                        Map.of("condition", "test -f /tmp/b"),
                        RunOn.SERVER,
                        null,
                        Risk.READ_ONLY,
                        "b4"));
        PlanNotification mail = new PlanNotification("success", "email", "ops@example.com");
        plan = new RunbookPlan(
                plan.name(),
                plan.group(),
                plan.description(),
                plan.category(),
                plan.options(),
                plan.target(),
                plan.steps(),
                List.of(mail),
                null,
                plan.provenance());
        String jenkinsfile = renderer.render(plan);
        Jenkinsfiles.Parsed parsed = Jenkinsfiles.assertSound(jenkinsfile, "steps");
        assertEquals(List.of(), Jenkinsfiles.unknownSteps(jenkinsfile), jenkinsfile);
        Set<String> steps = parsed.calls();
        assertTrue(steps.containsAll(Set.of("sh", "sshagent", "build", "mail", "echo")), steps.toString());
        assertTrue(
                jenkinsfile.contains(
                        "build(job: 'ops/child', parameters: [string(name: 'mode', value: 'fast lane'), string(name: 'url',"
                                + " value: '' + params.URL)], wait: true, propagate: true)"),
                jenkinsfile);
        assertTrue(jenkinsfile.contains("string(name: 'HOSTS'"), "a literal node name is not an option");
    }

    static RunbookPlan plan(List<PlanOption> options, PlanTarget target, PlanStep... steps) {
        return new RunbookPlan(
                "Do a thing",
                "coauthor/test",
                "Test plan",
                "Test",
                options,
                target,
                List.of(steps),
                List.of(),
                null,
                new Provenance("offline", List.of("test.block"), null, null, List.of()));
    }

    static PlanStep step(String id, Action action, Map<String, String> params, Risk risk) {
        return new PlanStep(id, "Do it", action, new LinkedHashMap<>(params), RunOn.NODES, null, risk, "test");
    }
}
