package org.runbook.coauthor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the validator over the real-world corpus ({@code ../shared/corpus/rundeck-jobs}, job files
 * people committed to public repositories) and holds it to two promises: no file crashes or hangs
 * it, and each file gets exactly the error findings it deserves. The expectations live in
 * {@link #EXPECTED}, one line per file with the reason, checked by hand against the Rundeck 5.4
 * reference: an error on a file Rundeck imports without losing anything is a validator bug, never
 * an expectation. Skipped when the corpus is not there.
 */
class CorpusConformanceTest {
    static final Path CORPUS = Path.of("../../shared/corpus/rundeck-jobs");
    static final Duration LIMIT = Duration.ofSeconds(20);

    /**
     * What a corpus file must produce.
     *
     * @param errors rule ids of the error findings that must fire (exactly these); empty for a clean file
     * @param falseErrors rule ids that also fire today although, by the Rundeck reference, they should not:
     *     reported as validator bugs. While one of them fires the check is skipped (not passed); once the rule
     *     is fixed the file must give exactly {@code errors}.
     * @param why why the file is broken, unsafe or clean, and why a false error is false
     */
    record Expect(Set<String> errors, Set<String> falseErrors, String why) {
        static Expect clean(String why) {
            return new Expect(Set.of(), Set.of(), why);
        }

        static Expect errors(String why, String... ids) {
            return new Expect(Set.of(ids), Set.of(), why);
        }

        /** Clean by the reference, but {@code ids} fire today (reported). */
        static Expect falseErrors(String why, String... ids) {
            return new Expect(Set.of(), Set.of(ids), why);
        }

        /** Rules this file must trigger, plus {@code falseIds} firing today without cause (reported). */
        Expect butAlso(String... falseIds) {
            return new Expect(errors, Set.of(falseIds), why);
        }
    }

    /**
     * Every job file of the corpus, with a short, specific reason.
     *
     * <p>Why some errors are listed as false (reported): SEC010 on {@code ${option.x}} in an exec line or
     * in script args. Rundeck splits the line into words and shell-quotes every word that holds a
     * {@code ${...}} reference ({@code ${unquotedoption.x}} exists to opt out), so a ";" in the value
     * cannot change the command. {@code @option.x@} tokens in inline scripts are pasted into the script
     * text, so those findings are genuine.
     */
    static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry(
                    "001-Create-External-Project.yaml",
                    Expect.errors(
                            "option values pasted unquoted into an inline script as @option.x@ (command injection)",
                            "SEC010")),
            Map.entry(
                    "002-01-List-Projects.yaml",
                    Expect.errors("the admin password option pasted unquoted into an inline script", "SEC010")),
            Map.entry(
                    "004-VM-CVE-Search.yaml",
                    Expect.errors("option values pasted unquoted into an inline script", "SEC010")),
            Map.entry(
                    "005-sample-job.yaml",
                    Expect.errors(
                            "option key defaultValue is not Rundeck's (value is): the default is silently dropped",
                            "RD002")),
            Map.entry(
                    "007-bash_job_template.yaml",
                    Expect.errors(
                            "notifications written as {type: email, config: ...}: Rundeck reads only email, urls and"
                                    + " plugin there, so no notification is ever sent",
                            "RD011")),
            Map.entry(
                    "008-job-linux-ansible-playbook.yaml",
                    Expect.errors(
                            "@option.x@ tokens in an exec step are not expanded: git clone and ansible-playbook get the"
                                    + " literal tokens",
                            "RD103")),
            Map.entry("010-rd-errorhandler-jobref-nodestep.xml", Expect.clean("Rundeck functional test export")),
            Map.entry(
                    "011-rd-testjobs-jobref-script.xml",
                    Expect.errors("@option.opt1@ pasted into a double-quoted string of an inline script", "SEC010")),
            Map.entry(
                    "013-rd-webhook-notification.xml", Expect.clean("webhook notification, legacy <context><project>")),
            Map.entry(
                    "014-test-filecopy-job1.yaml",
                    Expect.falseErrors(
                            "${option.x} as words of exec lines, which Rundeck quotes (see above)", "SEC010")),
            Map.entry(
                    "016-job-template-common.xml",
                    Expect.errors(
                            "a test template with placeholders: rankOrder 'xml-dispatch-rank-order' is read as descending,"
                                    + " jobQueueEnabled/jobQueueSizeLimit are not open-source keys",
                            "RD002",
                            "RD010")),
            Map.entry("017-rd-job-timeout.xml", Expect.clean("job timeout 5s")),
            Map.entry(
                    "019-add_vault_secret_key.yaml",
                    Expect.errors(
                            "$RD_OPTION_VAULTKEY unquoted while its regex allows spaces: the value splits into extra"
                                    + " arguments of the python script",
                            "SEC010")),
            Map.entry("020-sql_execution.yaml", Expect.clean("script job")),
            Map.entry("022-http-notification-on-failure.yaml", Expect.clean("webhook notification")),
            Map.entry("023-jobref-parent-job.yaml", Expect.clean("job reference")),
            Map.entry("025-data-passing-example.yaml", Expect.clean("key-value data passing")),
            Map.entry("026-install-rundeck-cli.yaml", Expect.clean("install script")),
            Map.entry(
                    "028-create_projects_and_assign_acl_globally_original.xml",
                    Expect.errors("a Rundeck API token written as the default value of option RD_TOKEN", "SEC008")),
            Map.entry(
                    "029-HttpRequest_NodeStep.xml",
                    Expect.errors(
                            "sslVerify=false on an HTTP step; @option.originUrl@ pasted into a double-quoted script string",
                            "SEC004",
                            "SEC010")),
            Map.entry("031-errorhandler-bugjob.xml", Expect.clean("Rundeck export, error handler")),
            Map.entry("032-RemoteMultiValueOptionTest.xml", Expect.clean("remote multi-valued option")),
            Map.entry(
                    "034-site-execution-mainjob.xml",
                    Expect.errors("a Rundeck API token written as the default value of option apiToken", "SEC008")),
            Map.entry(
                    "035-JobXXXX.xml",
                    Expect.errors(
                            "schedule minute 'YYYY/5' is a leftover placeholder: Rundeck rejects the cron expression",
                            "RD008")),
            Map.entry("037-takeover-rundeck1.xml", Expect.clean("cluster takeover job, plugin step")),
            Map.entry("038-heartbeat-rundeck1.xml", Expect.clean("cluster heartbeat job, plugin step")),
            Map.entry("040-RotateDbCredentials.yaml", Expect.clean("plugin step")),
            Map.entry("041-PackageDeb.yaml", Expect.clean("plugin step")),
            Map.entry("043-HelloWorld.yaml", Expect.clean("plugin step")),
            Map.entry(
                    "044-pdhw822-test.jobs.xml",
                    Expect.clean(
                            "old export form: <sequence threadcount>, empty <additional/>, <dispatch> with no filter")),
            Map.entry("046-Example-Job-v1.xml", Expect.clean("empty <id/> and <uuid/>: Rundeck generates a UUID")),
            Map.entry("047-Example-Job-v3.xml", Expect.clean("empty <id/> and <uuid/>: Rundeck generates a UUID")),
            Map.entry("049-Update-NGINX.xml", Expect.errors("verify_ssl=false on both Kubernetes steps", "SEC004")),
            Map.entry(
                    "050-ansible-test-secure-opts.xml", Expect.clean("ansible plugin, secure option from key storage")),
            Map.entry("052-ansible-group-test.xml", Expect.clean("ansible plugin, secure option from key storage")),
            Map.entry(
                    "053-Commission_Printers.yaml",
                    Expect.falseErrors(
                            "${option.node_to_commission} as words of exec lines, which Rundeck quotes (see above)",
                            "SEC010")),
            Map.entry(
                    "055-Decommission_node_from_Consul.yaml",
                    Expect.errors(
                            "@option.node_to_remove@ pasted into a double-quoted string of an inline script",
                            "SEC010")),
            Map.entry(
                    "056-Accept_Keys.yaml",
                    Expect.falseErrors(
                            "${option.key_to_accept} as a word of an exec line, which Rundeck quotes (see above)",
                            "SEC010")),
            Map.entry("058-osname.yaml", Expect.clean("exec job")),
            Map.entry("059-fretlink-test.yaml", Expect.clean("exec job")),
            Map.entry(
                    "061-guitars-Deploy.xml",
                    Expect.errors(
                            "a HipChat API token written into both notification plugin configurations", "SEC008")),
            Map.entry("062-guitars-nightly_catalog_rebuild.xml", Expect.clean("scheduled script job")),
            Map.entry("064-guitars-stop.xml", Expect.clean("script with a script error handler")),
            Map.entry("065-docker-linux-jobs.xml", Expect.clean("exec job")),
            Map.entry("067-Run_chef-client_on_demand.yaml", Expect.clean("exec job")),
            Map.entry(
                    "068-profarma-poc-job.yaml",
                    Expect.errors(
                            "5-field Unix crontab (Rundeck needs 6-7 Quartz fields), two steps with no command or type,"
                                    + " schedule.timezone and defaultNodeFilter are not Rundeck keys, @job.x@ tokens in an"
                                    + " exec and in notification bodies are not expanded",
                            "RD002",
                            "RD005",
                            "RD008",
                            "RD103")),
            Map.entry(
                    "070-transferencia-arquivos.yaml",
                    Expect.errors(
                            "5-field Unix crontab (Rundeck needs 6-7 Quartz fields); schedule.timezone and"
                                    + " defaultNodeFilter are not Rundeck keys",
                            "RD002",
                            "RD008")),
            Map.entry(
                    "071-rdcli-test_job.xml",
                    Expect.falseErrors(
                            "${option.x} as words of exec lines, which Rundeck quotes (see above); <tags> is dropped by"
                                    + " open-source Rundeck (a warning)",
                            "SEC010")),
            Map.entry("073-go-rundeck-job_definition.yaml", Expect.clean("API response fixture")),
            Map.entry(
                    "074-criteo-most_directives.yaml",
                    Expect.errors(
                            "an error handler with no step, lower-case scriptinterpreter (ignored), onstart.webhook"
                                    + " (ignored), excludePrecedence in a job reference dispatch (ignored)",
                            "RD002",
                            "RD005",
                            "RD011")),
            Map.entry(
                    "076-mcp-SAMPLE_JOB.yaml",
                    Expect.errors(
                            "scripts use @option.version@ but the job defines no options, so it expands to nothing",
                            "RD101")),
            Map.entry(
                    "077-dtolabs-Deploy.xml",
                    Expect.clean("old export form: <sequence threadcount>, job references with args")),
            Map.entry("079-dep-files-4-hash-ssh.yaml", Expect.clean("third-party plugin steps")),
            Map.entry("080-dep-jobs-config-errors.yaml", Expect.clean("third-party plugin step")),
            Map.entry("082-irrigation-monitor.xml", Expect.clean("scheduled exec with a script error handler")),
            Map.entry(
                    "083-irrigation-recent-failures.xml",
                    Expect.errors("the script exports a literal Rundeck password (RD_PASSWORD=admin)", "SEC008")),
            Map.entry("085-irrigation-backup-db.xml", Expect.clean("backup script with an error handler")),
            Map.entry(
                    "086-ahonor-failover-jobs.xml",
                    Expect.errors(
                                    "job Sync is scheduled and its required option 'project' has an empty default, which Rundeck"
                                            + " refuses; secure option 'key' carries a plaintext API key as its default (three jobs);"
                                            + " the SEC010 on ${option.x} script args is false (see above)",
                                    "RD012",
                                    "SEC009")
                            .butAlso("SEC010")));

    static boolean isJobFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".xml");
    }

    static List<Path> corpusFiles() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "the shared corpus is not present at " + CORPUS.toAbsolutePath());
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String read(Path p) throws IOException {
        // As a user's editor would hand it over: bytes decoded as UTF-8, bad bytes replaced.
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    static List<Finding> validate(Path p) throws IOException {
        String text = read(p);
        String name = p.getFileName().toString();
        return assertTimeoutPreemptively(
                LIMIT,
                () -> new Validator().validate(text, name),
                () -> name + " was not validated within " + LIMIT.toSeconds() + " s");
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_file_is_validated_without_crash_or_hang() throws IOException {
        return corpusFiles().stream()
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    List<Finding> findings = validate(p);
                    assertNotNull(findings);
                    for (Finding f : findings) {
                        assertEquals(p.getFileName().toString(), f.file(), f::toString);
                        assertTrue(f.line() >= 1 && f.column() >= 1, () -> "finding without a position: " + f);
                        assertFalse(f.message().isBlank(), f::toString);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_job_file_gets_exactly_its_expected_errors() throws IOException {
        return corpusFiles().stream().filter(CorpusConformanceTest::isJobFile).map(p -> {
            String name = p.getFileName().toString();
            return DynamicTest.dynamicTest(name, () -> {
                Expect expect = EXPECTED.get(name);
                if (expect == null) {
                    fail(name + " has no line in EXPECTED: validate it, check every error against the Rundeck"
                            + " reference and add the file with its reason");
                }
                List<Finding> findings = validate(p);
                Set<String> errors = findings.stream()
                        .filter(Finding::isError)
                        .map(Finding::ruleId)
                        .collect(Collectors.toCollection(TreeSet::new));
                String report = findings.stream()
                        .filter(Finding::isError)
                        .map(Finding::toString)
                        .collect(Collectors.joining("\n  ", "\n  ", ""));
                Set<String> beyond = new TreeSet<>(errors);
                beyond.removeAll(expect.errors());
                if (!beyond.isEmpty()
                        && expect.falseErrors().containsAll(beyond)
                        && errors.containsAll(expect.errors())) {
                    assumeTrue(false, name + ": known false error " + beyond + " (" + expect.why() + ")");
                }
                assertEquals(
                        new TreeSet<>(expect.errors()),
                        errors,
                        () -> name + " (" + expect.why() + "): if a"
                                + " new error is right by the Rundeck reference, update EXPECTED; otherwise fix the rule:"
                                + report);
            });
        });
    }

    @Test
    void every_expectation_names_a_corpus_file() throws IOException {
        Set<String> files = corpusFiles().stream()
                .filter(CorpusConformanceTest::isJobFile)
                .map(p -> p.getFileName().toString())
                .collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(files);
        assertTrue(stale.isEmpty(), () -> "EXPECTED names files the corpus no longer has: " + stale);
    }
}
