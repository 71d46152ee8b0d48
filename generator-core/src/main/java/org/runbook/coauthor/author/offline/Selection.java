package org.runbook.coauthor.author.offline;

/**
 * A block chosen for a request, with the clause that asked for it.
 *
 * @param clause the part of the request the block serves; its literal values feed the block's parameters
 */
record Selection(Candidate candidate, String clause) {
    Block block() {
        return candidate.block();
    }
}
