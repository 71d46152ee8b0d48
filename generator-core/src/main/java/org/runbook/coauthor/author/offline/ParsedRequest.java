package org.runbook.coauthor.author.offline;

import java.util.List;

/**
 * A request split into what to do and what the operator wants to choose.
 *
 * @param actions clauses that ask for work, in the order asked
 * @param optionPhrases things the operator asked to be able to specify ("the S3 bucket")
 */
record ParsedRequest(String text, List<String> actions, List<String> optionPhrases) {
    ParsedRequest {
        actions = List.copyOf(actions);
        optionPhrases = List.copyOf(optionPhrases);
    }

    /** All action clauses as one text, for literal values that belong to the whole request. */
    String actionText() {
        return String.join(". ", actions);
    }

    /** All action clauses as one text with placement phrases removed, for whole-request retrieval. */
    String retrievalText() {
        return String.join(
                ". ", actions.stream().map(RequestParser::forRetrieval).toList());
    }
}
