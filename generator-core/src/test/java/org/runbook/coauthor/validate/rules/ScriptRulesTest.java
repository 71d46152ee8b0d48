package org.runbook.coauthor.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Severity;
import org.runbook.coauthor.validate.ValidatorOptions;
import org.runbook.coauthor.validate.support.ExternalTool;

/** SH001 and SH002 beyond their fixtures: interpreters, severities, and shellcheck missing. */
class ScriptRulesTest {
    static final String TWO_SCRIPTS =
            """
            - name: j
              sequence:
                commands:
                  - script: |
                      cd /tmp
                  - script: |
                      cd /var
            """;

    @Test
    void should_report_once_per_document_when_shellcheck_is_not_installed() {
        List<Finding> f = StepRulesTest.run(
                new ShellcheckRule("shellcheck-that-does-not-exist-4711"), TWO_SCRIPTS, ValidatorOptions.defaults());
        assertEquals(
                List.of("t.yaml:5:11: shellcheck not installed, SH002 skipped [SH002]"),
                f.stream().map(Finding::toString).toList());
        assertEquals(Severity.INFO, f.get(0).severity());
    }

    @Test
    void should_stay_silent_when_shellcheck_is_turned_off() {
        ValidatorOptions off = ValidatorOptions.builder().shellcheck(false).build();
        assertEquals(
                List.of(),
                StepRulesTest.run(new ShellcheckRule("shellcheck-that-does-not-exist-4711"), TWO_SCRIPTS, off));
        assertEquals(List.of(), StepRulesTest.run(new ShellcheckRule(), TWO_SCRIPTS, off));
    }

    @Test
    void should_give_shellcheck_errors_error_severity_and_drop_substitution_artefacts() {
        assumeTrue(ExternalTool.available("shellcheck"), "shellcheck is not installed");
        String yaml =
                """
                - name: j
                  options: [{name: force}]
                  sequence:
                    commands:
                      - script: |
                          if [ -n "@option.force@" ]; then echo forced; fi
                          for d in @option.force@; do echo "$d"; done
                          [ $# > 1 ] && echo many
                """;
        List<Finding> f = StepRulesTest.run(new ShellcheckRule(), yaml, ValidatorOptions.defaults());
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).message().startsWith("shellcheck SC2071: "), f::toString);
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertEquals(8, f.get(0).line());
    }

    @Test
    void should_skip_scripts_for_other_interpreters() {
        String yaml =
                """
                - name: j
                  sequence:
                    commands:
                      - script: "#!/usr/bin/env python3\\nif True: print('x'))\\n"
                      - script: "Write-Host (Get-Date"
                        scriptInterpreter: powershell.exe -File
                      - script: "echo ("
                        fileExtension: .ps1
                      - script: "echo ("
                        scriptInterpreter: sudo
                """;
        List<Finding> f = StepRulesTest.run(new ScriptSyntaxRule(), yaml, ValidatorOptions.defaults());
        assertEquals(1, f.size(), f::toString);
        assertTrue(f.get(0).message().startsWith("bash -n rejects the script of step 4"), f::toString);
    }

    @Test
    void should_give_bash_warnings_warning_severity() {
        String yaml =
                """
                - name: j
                  sequence:
                    commands:
                      - script: |
                          cat <<END
                          text
                           END
                """;
        List<Finding> f = StepRulesTest.run(new ScriptSyntaxRule(), yaml, ValidatorOptions.defaults());
        assertEquals(1, f.size(), f::toString);
        assertEquals(Severity.WARNING, f.get(0).severity());
    }
}
