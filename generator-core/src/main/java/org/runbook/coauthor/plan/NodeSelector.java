package org.runbook.coauthor.plan;

/**
 * Which nodes the node steps run on: nodes whose {@code attribute} matches {@code value}.
 *
 * <pre>{@code
 * {"attribute": "name", "value": "${option.hostname}"}   // the node the operator names
 * {"attribute": "tags", "value": "web"}                   // every node tagged web
 * }</pre>
 *
 * The value may reference options. Attributes are {@code name}, {@code hostname}, {@code tags},
 * {@code os-family} or any node attribute.
 */
public record NodeSelector(String attribute, String value) {
    public NodeSelector {
        Require.notBlank(attribute, "node selector attribute");
        Require.notBlank(value, "node selector value");
    }
}
