package org.runbook.coauthor.rundeck.lifecycle;

/**
 * One broken rule of the safety policy: what was found and the fix.
 *
 * @param rule stable rule name, e.g. {@code plaintext-secret-default}
 * @param message what was found, naming the option or the node filter
 * @param fix the imperative fix
 */
public record Violation(String rule, String message, String fix) {
    @Override
    public String toString() {
        return message + "; " + fix + " [" + rule + "]";
    }
}
