package org.runbook.coauthor.dryrun;

import com.dtolabs.rundeck.core.common.INodeEntry;
import com.dtolabs.rundeck.core.common.INodeSet;
import com.dtolabs.rundeck.core.common.NodeEntryImpl;
import com.dtolabs.rundeck.core.common.NodeFileParserException;
import com.dtolabs.rundeck.core.common.NodeSetImpl;
import com.dtolabs.rundeck.core.common.NodesYamlParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.SourcePosition;

/**
 * The nodes a dry-run selects from: a Rundeck resource model file read with Rundeck's own YAML
 * parser (JSON is YAML too), or the Rundeck server node alone.
 */
final class Inventory {
    static final String SERVER_NODE = "localhost";

    private Inventory() {}

    static INodeSet load(Path file) {
        if (file == null) {
            return serverOnly();
        }
        NodeSetImpl nodes = new NodeSetImpl();
        try (InputStream in = Files.newInputStream(file)) {
            new NodesYamlParser(in, nodes).parse();
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read the node inventory: " + e.getMessage(), new SourcePosition(file.toString(), 0, 0), e);
        } catch (NodeFileParserException | RuntimeException e) {
            throw new InvalidInputException(
                    "not a Rundeck resource model (YAML or JSON map of node name to" + " attributes): "
                            + firstLine(e.getMessage()),
                    new SourcePosition(file.toString(), 0, 0),
                    List.of());
        }
        if (nodes.getNodes().isEmpty()) {
            throw new InvalidInputException(
                    "the node inventory defines no nodes", new SourcePosition(file.toString(), 0, 0), List.of());
        }
        return nodes;
    }

    /** A node set of the Rundeck server alone, as a job without node dispatch sees it. */
    static INodeSet serverOnly() {
        NodeEntryImpl server = new NodeEntryImpl(SERVER_NODE, SERVER_NODE);
        server.setAttributes(new java.util.HashMap<>(Map.of(
                "nodename",
                SERVER_NODE,
                "hostname",
                SERVER_NODE,
                "osFamily",
                "unix",
                "username",
                "rundeck",
                "description",
                "the Rundeck server")));
        server.setAttribute("nodename", SERVER_NODE);
        NodeSetImpl set = new NodeSetImpl();
        set.putNode(server);
        return set;
    }

    /**
     * Sample nodes that an (expanded) filter selects, for a dry-run with no inventory of a job that
     * targets nodes: {@code name: web01,web02} gives two nodes, {@code tags: edge} one tagged node,
     * a regex one node called {@code node1}.
     */
    static INodeSet sampleFor(String filter) {
        NodeSetImpl set = new NodeSetImpl();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|\\s)([A-Za-z][\\w.-]*):\\s*(\\S+)")
                .matcher(filter);
        Map<String, String> attrs = new java.util.LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            String value = m.group(2).replaceAll("^['\"]|['\"]$", "");
            if (m.group(1).equals("name")) {
                for (String n : value.split(",")) {
                    names.add(literal(n) ? n : "node1");
                }
            } else if (literal(value.replace(",", "").replace("+", ""))) {
                attrs.put(m.group(1), value.split("[,+]")[0]);
            }
        }
        if (names.isEmpty()) {
            String bare = filter.strip();
            names.add(literal(bare) && !bare.contains(":") ? bare : "node1");
        }
        for (String name : names) {
            NodeEntryImpl node = new NodeEntryImpl(attrs.getOrDefault("hostname", name), name);
            node.setAttributes(new java.util.HashMap<>(attrs));
            node.setAttribute("nodename", name);
            node.setAttribute("hostname", attrs.getOrDefault("hostname", name));
            if (attrs.containsKey("tags")) {
                node.setTags(new java.util.HashSet<>(List.of(attrs.get("tags"))));
            }
            set.putNode(node);
        }
        return set;
    }

    private static boolean literal(String value) {
        return value.matches("[A-Za-z0-9_.@-]+");
    }

    static List<INodeEntry> sorted(INodeSet set) {
        return set.getNodes().stream()
                .sorted(java.util.Comparator.comparing(INodeEntry::getNodename))
                .toList();
    }

    private static String firstLine(String message) {
        return message == null
                ? "unreadable"
                : message.strip().lines().findFirst().orElse("unreadable");
    }
}
