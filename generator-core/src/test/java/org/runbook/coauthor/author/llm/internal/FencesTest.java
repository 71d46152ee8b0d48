package org.runbook.coauthor.author.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FencesTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": 1}",
                "```json\n{\"a\": 1}\n```",
                "```\n{\"a\": 1}\n```",
                "Here is the plan:\n```json\n{\"a\": 1}\n```\nHope it helps.",
                "Sure! {\"a\": 1} done",
                "  \n{\"a\": 1}\n  "
            })
    void should_return_the_bare_json_when_the_reply_wraps_it(String reply) {
        assertEquals("{\"a\": 1}", Fences.strip(reply));
    }
}
