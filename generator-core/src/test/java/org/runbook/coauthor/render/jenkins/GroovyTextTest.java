package org.runbook.coauthor.render.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import groovy.lang.GroovyShell;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GroovyTextTest {
    static Stream<String> hostile() {
        return Stream.of(
                "",
                "plain",
                "it's",
                "'",
                "''",
                "'''",
                "''''",
                "ends with a quote'",
                "'''; throw new Error('escaped'); '''",
                "${throw new Error('escaped')}",
                "$HOME and ${env.SECRET}",
                "back\\slash",
                "\\",
                "trailing backslash\\",
                "line\\\ncontinuation",
                "\\u0027 unicode escape",
                "\\'escaped quote",
                "\"double\" \"\"\" triple",
                "tab\tcr\rnl\nend",
                "bell\u0007 nul\u0000 esc\u001b",
                "line sep\u2028para sep\u2029",
                "/* not a comment */ // nor this",
                "$/dollar slashy/$",
                "ünïcødé ✓ 𝄞");
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("hostile")
    void should_quote_any_string_so_groovy_reads_it_back_unchanged(String value) {
        // Evaluating a lone string literal runs no code of the value: it is the literal or a parse error.
        assertEquals(value, new GroovyShell().evaluate(GroovyText.quoted(value)));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("hostile")
    void should_write_any_script_as_a_triple_quoted_string_groovy_reads_back_unchanged(String value) {
        assertEquals(value, new GroovyShell().evaluate(GroovyText.script(value)));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("hostile")
    void should_keep_any_text_inside_one_line_comment(String value) {
        String comment = GroovyText.comment(value);
        assertFalse(comment.contains("\n") || comment.contains("\r"), comment);
        assertEquals(42, new GroovyShell().evaluate(comment + "\nreturn 42"));
    }

    @org.junit.jupiter.api.Test
    void should_leave_single_quotes_readable_in_scripts_unless_they_could_close_the_string() {
        assertEquals("'''echo 'hi' \"$X\"\n'''", GroovyText.script("echo 'hi' \"$X\"\n"));
        assertEquals("'''a\\'\\''b'''", GroovyText.script("a'''b"));
        assertEquals("'''x\\''''", GroovyText.script("x'"));
    }
}
