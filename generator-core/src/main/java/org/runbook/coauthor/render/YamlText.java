package org.runbook.coauthor.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.api.lowlevel.Serialize;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.emitter.Emitter;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes maps, lists, strings and booleans as block-style YAML the way Rundeck's own export looks:
 * plain scalars where possible, quotes only where needed, literal blocks for scripts. Strings that a
 * YAML 1.1 reader (Rundeck's) would take for a boolean, number or null are quoted, so {@code yes}
 * stays the string "yes".
 */
final class YamlText {
    private static final Pattern YAML11_NON_STRING =
            Pattern.compile("(?i)y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
                    + "|[-+]?\\.[0-9]+|0x[0-9a-f_]+|0b[01_]+|[-+]?\\.inf|\\.nan|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
                    + "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?|");

    private YamlText() {}

    static String write(Object value) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(0)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .build();
        StringBuilder out = new StringBuilder();
        StreamDataWriter writer = new StreamDataWriter() {
            @Override
            public void write(String str) {
                out.append(str);
            }

            @Override
            public void write(String str, int off, int len) {
                out.append(str, off, off + len);
            }
        };
        Emitter emitter = new Emitter(settings, writer);
        new Serialize(settings).serializeOne(node(value)).forEach(emitter::emit);
        return out.toString();
    }

    private static Node node(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<NodeTuple> tuples = new ArrayList<>();
            map.forEach((k, v) -> tuples.add(new NodeTuple(node(String.valueOf(k)), node(v))));
            return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>();
            list.forEach(v -> items.add(node(v)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
        }
        if (value instanceof Boolean b) {
            return new ScalarNode(Tag.BOOL, b.toString(), ScalarStyle.PLAIN);
        }
        if (value instanceof Number n) {
            return new ScalarNode(Tag.INT, n.toString(), ScalarStyle.PLAIN);
        }
        String s = String.valueOf(value);
        ScalarStyle style = s.contains("\n")
                ? ScalarStyle.LITERAL
                : YAML11_NON_STRING.matcher(s).matches() ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.PLAIN;
        return new ScalarNode(Tag.STR, s, style);
    }
}
