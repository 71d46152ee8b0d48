package org.runbook.coauthor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.plan.Target;

/** Builds a request from command-line words, turning bad input into a one-line usage error. */
final class Requests {
    private Requests() {}

    static String text(List<String> words, InputStream stdin) {
        if (words == null || words.isEmpty()) {
            throw new InvalidInputException(
                    "no request given; pass the request as TEXT, or - to read it from stdin", null, List.of());
        }
        if (words.size() == 1 && words.get(0).equals("-")) {
            try {
                byte[] bytes = stdin.readNBytes(GenerationRequest.MAX_TEXT_LENGTH * 4 + 1);
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InvalidInputException("cannot read the request from stdin: " + e.getMessage(), null, e);
            }
        }
        return String.join(" ", words);
    }

    static GenerationRequest request(String text, String category, Target target) {
        try {
            return GenerationRequest.builder()
                    .text(text)
                    .category(category)
                    .target(target)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), null, List.of());
        }
    }
}
