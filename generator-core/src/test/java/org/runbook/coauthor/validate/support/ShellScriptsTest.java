package org.runbook.coauthor.validate.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How scripts are prepared for the shell tools: Rundeck 5.4's token reader, and interpreters. */
class ShellScriptsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "echo @option.x@|echo sample",
                "mail ops@@example.com|mail ops@example.com",
                "echo user@example.com|echo user@example.com",
                "echo a@b c@d|echo a@b c@d",
                "echo \\@option.x@|echo \\sample",
                "echo @@@value|echo @@value",
                "echo ${option.x} ${2:data.y} ${job.name@node1}|echo sample sample sample",
                "echo ${var:-a.b} ${HOME}|echo ${var:-a.b} ${HOME}",
                "echo @|echo @",
                "x=@a@@b@|x=samplesample",
            })
    void should_read_tokens_as_rundecks_token_reader_does(String script, String prepared) {
        assertEquals(prepared, ShellScripts.prepare(script, true).text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ssh deploy@@host @option.x@|ssh deploy@@host @option.x@",
                "echo ${option.x}|echo sample",
            })
    void should_leave_at_signs_alone_in_command_lines(String command, String prepared) {
        assertEquals(prepared, ShellScripts.prepare(command, false).text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "bash|true",
                "/bin/sh -e|true",
                "sudo -u deploy bash|true",
                "sudo -n bash|true",
                "/usr/bin/env bash|true",
                "env -S bash -eu|true",
                "nice -n 10 bash|true",
                "bash -c ${scriptfile}|true",
                "python3|false",
                "powershell.exe -File|false",
                "/usr/bin/env python3|false",
                "zsh|false",
                "sudo|none",
                "sudo -u deploy|none",
            })
    void should_tell_shell_interpreters(String command, Boolean shell) {
        assertEquals(Optional.ofNullable(shell), ShellScripts.shellCommand(command));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a @option.long@ b|9|16",
                "a @option.long@ b|2|2",
                "a @option.long@ b|7|2",
            })
    void should_map_positions_back_to_the_text_as_written(String script, int preparedOffset, int origin) {
        assertEquals(origin, ShellScripts.prepare(script, true).originOf(preparedOffset));
    }
}
