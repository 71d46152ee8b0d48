package org.runbook.coauthor.author.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "use AKIAIOSFODNN7EXAMPLE for S3                         | AKIAIOSFODNN7EXAMPLE     | aws-access-key",
                "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY | wJalrXUtnFEMI            | aws-secret-key",
                "token ghp_abcdefghijklmnopqrstuvwxyz0123456789           | ghp_abcdef               | token",
                "key sk-proj-abcdefghijklmnopqrstuvwx                    | sk-proj-abc              | token",
                "header Authorization: Bearer abcdef0123456789abcdef      | abcdef0123456789abcdef   | bearer-token",
                "the db password is S3cr3t!pass                           | S3cr3t!pass              | password",
                "password=\"hunter2 with spaces\"                          | hunter2 with spaces      | password",
            })
    void should_replace_the_secret_with_a_placeholder_when_text_contains_one(String text, String secret, String kind) {
        Redactor.Redaction r = Redactor.redact(text);
        assertFalse(r.text().contains(secret), r.text());
        assertTrue(r.text().contains("<redacted:" + kind + ">"), r.text());
        assertTrue(r.kinds().contains(kind), r.kinds().toString());
    }

    @Test
    void should_redact_a_whole_private_key_block() {
        String text = "use this key\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n"
                + "-----END OPENSSH PRIVATE KEY-----\nto log in";
        Redactor.Redaction r = Redactor.redact(text);
        assertEquals("use this key\n<redacted:private-key>\nto log in", r.text());
    }

    @Test
    void should_leave_ordinary_requests_and_option_references_alone() {
        String text = "Copy the file to the bucket; let me choose the password option ${option.password}";
        Redactor.Redaction r = Redactor.redact(text);
        assertEquals(text, r.text());
        assertEquals(List.of(), r.kinds());
    }
}
