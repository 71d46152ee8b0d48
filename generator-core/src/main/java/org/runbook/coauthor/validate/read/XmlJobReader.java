package org.runbook.coauthor.validate.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Rundeck's XML job format ({@code <joblist><job>...</job></joblist>}) into the tree the YAML
 * export of the same jobs would give: XML attributes and elements become the YAML key names
 * ({@code enforcedvalues} becomes {@code enforced}, {@code scriptargs} becomes {@code args},
 * {@code <arg line>} becomes {@code jobref.args}, {@code <context><options>} becomes {@code options},
 * {@code <dispatch>} moves under {@code nodefilters}, plugin steps get {@code type}, {@code nodeStep}
 * and {@code configuration}, and so on). Booleans written as {@code true}/{@code false} become real
 * booleans where Rundeck's XML decoding parses them; any other value stays a string so the schema
 * can report it.
 *
 * <p>An element or attribute the format does not define is kept under its own name, so the
 * unknown-key rule reports it rather than it vanishing the way Rundeck drops it.
 *
 * <p>Every key (element or attribute) and every value gets a source position keyed by the JSON
 * pointer of the resulting tree. Attribute positions come from a scan of the start tag, because StAX
 * only reports where a tag ends.
 *
 * <p>Hostile input: DTDs and entity declarations are refused (a {@link ParseProblem} at the
 * {@code <!DOCTYPE}), never expanded or fetched; size and depth are bounded like the YAML reader.
 */
public final class XmlJobReader {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private XmlJobReader() {}

    public static ParsedDocument read(String text, String file) {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (src.length() > YamlJobReader.MAX_CODE_POINTS
                && src.codePointCount(0, src.length()) > YamlJobReader.MAX_CODE_POINTS) {
            throw new ParseProblem(
                    "the document is larger than " + YamlJobReader.MAX_CODE_POINTS + " characters", Position.START);
        }
        if (src.isBlank()) {
            throw new ParseProblem("the document is empty", Position.START);
        }
        Lines lines = new Lines(src);
        Element root = new Scanner(src, lines).scan();
        Converter converter = new Converter(src, lines);
        JsonNode tree = converter.joblist(root);
        return new ParsedDocument("xml", tree, converter.values, converter.keys);
    }

    // ------------------------------------------------------------------------------------------
    // Source positions

    /** Maps character offsets to 1-based lines and columns, counting line ends as XML does. */
    private static final class Lines {
        private final int[] starts;
        private final int length;

        Lines(String text) {
            length = text.length();
            int[] s = new int[16];
            int n = 0;
            s[n++] = 0;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (c == '\r' || c == '\n') {
                    if (n == s.length) {
                        s = Arrays.copyOf(s, n * 2);
                    }
                    s[n++] = i + 1;
                }
            }
            starts = Arrays.copyOf(s, n);
        }

        int offset(Location loc) {
            int line = Math.max(1, Math.min(loc.getLineNumber(), starts.length));
            int col = Math.max(1, loc.getColumnNumber());
            return Math.min(length, starts[line - 1] + col - 1);
        }

        Position position(int offset) {
            int o = Math.max(0, Math.min(offset, length));
            int i = Arrays.binarySearch(starts, o);
            int line = i >= 0 ? i : -i - 2;
            return new Position(line + 1, o - starts[line] + 1);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Reading: StAX events into a small element tree with offsets

    private record Attribute(String name, String value, int nameOffset, int valueOffset) {}

    private static final class Element {
        final String name;
        final int start;
        final int contentStart;
        final List<Attribute> attributes = new ArrayList<>();
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Element(String name, int start, int contentStart) {
            this.name = name;
            this.start = start;
            this.contentStart = contentStart;
        }

        boolean blankText() {
            return text.toString().isBlank();
        }

        boolean isEmpty() {
            return attributes.isEmpty() && children.isEmpty() && text.length() == 0;
        }
    }

    private static final class Scanner {
        private final String src;
        private final Lines lines;

        Scanner(String src, Lines lines) {
            this.src = src;
            this.lines = lines;
        }

        Element scan() {
            XMLStreamReader r = null;
            try {
                r = factory().createXMLStreamReader(new StringReader(src));
                return events(r);
            } catch (XMLStreamException e) {
                throw new ParseProblem("malformed XML: " + message(e), position(e.getLocation()));
            } catch (ParseProblem e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new ParseProblem("malformed XML: " + firstLine(e.getMessage()), Position.START);
            } finally {
                if (r != null) {
                    try {
                        r.close();
                    } catch (XMLStreamException ignored) {
                        // nothing to release beyond the string reader
                    }
                }
            }
        }

        private static XMLInputFactory factory() {
            // The JDK's own StAX implementation, whatever else is on the class path.
            XMLInputFactory f = XMLInputFactory.newDefaultFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
            f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, false);
            f.setProperty(XMLInputFactory.IS_VALIDATING, false);
            try {
                f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            } catch (IllegalArgumentException ignored) {
                // not supported by this implementation; DTD support is off anyway
            }
            f.setXMLResolver((publicId, systemId, base, namespace) -> {
                throw new XMLStreamException("external resources are never loaded: " + systemId);
            });
            return f;
        }

        private Element events(XMLStreamReader r) throws XMLStreamException {
            Deque<Element> open = new ArrayDeque<>();
            Element root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        int end = lines.offset(r.getLocation());
                        int start = Math.max(0, src.lastIndexOf('<', Math.max(0, end - 1)));
                        if (open.size() >= YamlJobReader.MAX_DEPTH) {
                            throw new ParseProblem(
                                    "the document is nested more than " + YamlJobReader.MAX_DEPTH + " levels deep",
                                    lines.position(start));
                        }
                        Element e = new Element(name(r), start, end);
                        attributes(r, e);
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().children.add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.peek().text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.DTD -> {
                        int at = src.indexOf("<!DOCTYPE");
                        throw new ParseProblem(
                                "the document has a DOCTYPE declaration; DTDs and entity declarations"
                                        + " are refused (Rundeck job files never need them)",
                                at >= 0 ? lines.position(at) : position(r.getLocation()));
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        int end = lines.offset(r.getLocation());
                        int at = src.lastIndexOf('&', Math.max(0, end - 1));
                        throw new ParseProblem(
                                "the entity &" + r.getLocalName() + "; is not defined; only &amp; &lt;"
                                        + " &gt; &quot; &apos; and character references are accepted",
                                lines.position(Math.max(0, at)));
                    }
                    default -> {
                        // comments, processing instructions, document start and end
                    }
                }
            }
            if (root == null) {
                throw new ParseProblem("the document has no root element", Position.START);
            }
            return root;
        }

        private static String name(XMLStreamReader r) {
            String prefix = r.getPrefix();
            String local = r.getLocalName();
            return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
        }

        /** Attribute values from StAX; their offsets from a scan of the start tag's source text. */
        private void attributes(XMLStreamReader r, Element e) {
            Map<String, int[]> offsets = scanTag(e.start, e.contentStart);
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String prefix = r.getAttributePrefix(i);
                String local = r.getAttributeLocalName(i);
                String name = prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
                int[] at = offsets.getOrDefault(name, new int[] {e.start, e.start});
                e.attributes.add(new Attribute(name, r.getAttributeValue(i), at[0], at[1]));
            }
        }

        /** Attribute name → {name offset, value offset} for the start tag in [start, end). */
        private Map<String, int[]> scanTag(int start, int end) {
            Map<String, int[]> out = new LinkedHashMap<>();
            int i = start + 1;
            while (i < end && !isSpace(src.charAt(i)) && src.charAt(i) != '>' && src.charAt(i) != '/') {
                i++;
            }
            while (i < end) {
                while (i < end && isSpace(src.charAt(i))) {
                    i++;
                }
                if (i >= end || src.charAt(i) == '>' || src.charAt(i) == '/') {
                    break;
                }
                int nameStart = i;
                while (i < end && !isSpace(src.charAt(i)) && src.charAt(i) != '=') {
                    i++;
                }
                String name = src.substring(nameStart, i);
                while (i < end && (isSpace(src.charAt(i)) || src.charAt(i) == '=')) {
                    i++;
                }
                if (i >= end) {
                    break;
                }
                char quote = src.charAt(i);
                int valueStart = i + 1;
                int close = src.indexOf(quote, valueStart);
                if (close < 0 || close >= end) {
                    break;
                }
                out.putIfAbsent(name, new int[] {nameStart, valueStart});
                i = close + 1;
            }
            return out;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private Position position(Location loc) {
            return loc == null || loc.getLineNumber() < 1
                    ? Position.START
                    : new Position(loc.getLineNumber(), Math.max(1, loc.getColumnNumber()));
        }

        /** The JDK message without its "ParseError at [row,col]" preamble. */
        private static String message(XMLStreamException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            int at = m.indexOf("Message: ");
            if (at >= 0) {
                m = m.substring(at + "Message: ".length());
            }
            return firstLine(m);
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "cannot be parsed";
        }
        return message.strip().lines().findFirst().orElse("cannot be parsed");
    }

    // ------------------------------------------------------------------------------------------
    // Converting: element tree into the YAML-shaped tree

    /** How one attribute or child element maps onto a YAML key. */
    private enum Kind {
        STRING,
        BOOL,
        INT,
        /** "" or absent means null (Rundeck exports {@code notifyAvgDurationThreshold: null}). */
        NULLABLE,
        /** A delimited string becomes a list ({@code values="a,b,c"}). */
        SPLIT,
        /** {@code <entry key= value=/>} children, or plain child elements, into a flat map. */
        CONFIG
    }

    /** XML attribute or element name {@code xml} read as YAML key {@code key}. */
    private record Field(String xml, String key, Kind kind) {}

    private static Field f(String name, Kind kind) {
        return new Field(name, name, kind);
    }

    private static Field f(String xml, String key, Kind kind) {
        return new Field(xml, key, kind);
    }

    private static Map<String, Field> fields(Field... fields) {
        Map<String, Field> m = new LinkedHashMap<>();
        for (Field field : fields) {
            m.put(field.xml(), field);
        }
        return Collections.unmodifiableMap(m);
    }

    private static final Map<String, Field> JOB = fields(
            f("name", Kind.STRING),
            f("group", Kind.STRING),
            f("description", Kind.STRING),
            f("uuid", Kind.STRING),
            f("id", Kind.STRING),
            f("loglevel", Kind.STRING),
            f("project", Kind.STRING),
            f("executionEnabled", Kind.BOOL),
            f("scheduleEnabled", Kind.BOOL),
            f("nodeFilterEditable", Kind.BOOL),
            f("multipleExecutions", Kind.BOOL),
            f("maxMultipleExecutions", Kind.STRING),
            f("nodesSelectedByDefault", Kind.BOOL),
            f("excludeFilterUncheck", Kind.BOOL),
            f("timeout", Kind.STRING),
            f("retryDelay", Kind.STRING),
            f("timeZone", Kind.STRING),
            f("defaultTab", Kind.STRING),
            f("notifyAvgDurationThreshold", Kind.NULLABLE),
            f("loglimit", Kind.STRING),
            f("loglimitAction", Kind.STRING),
            f("loglimitStatus", Kind.STRING));

    private static final Map<String, Field> OPTION = fields(
            f("name", Kind.STRING),
            f("description", Kind.STRING),
            f("label", Kind.STRING),
            f("value", Kind.STRING),
            f("values", Kind.SPLIT),
            f("valuesListDelimiter", Kind.STRING),
            f("valuesUrl", Kind.STRING),
            f("enforcedvalues", "enforced", Kind.BOOL),
            f("required", Kind.BOOL),
            f("regex", Kind.STRING),
            f("multivalued", Kind.BOOL),
            f("delimiter", Kind.STRING),
            f("multivalueAllSelected", Kind.BOOL),
            f("secure", Kind.BOOL),
            f("valueExposed", Kind.BOOL),
            f("storagePath", Kind.STRING),
            f("isDate", Kind.BOOL),
            f("dateFormat", Kind.STRING),
            f("type", Kind.STRING),
            f("config", Kind.CONFIG),
            f("hidden", Kind.BOOL),
            f("sortValues", Kind.BOOL),
            f("optionValuesPluginType", Kind.STRING),
            f("sortIndex", Kind.INT));

    private static final Map<String, Field> REMOTE_URL = fields(
            f("authenticationType", Kind.STRING),
            f("username", Kind.STRING),
            f("passwordStoragePath", Kind.STRING),
            f("keyName", Kind.STRING),
            f("tokenStoragePath", Kind.STRING),
            f("apiTokenReporter", Kind.STRING),
            f("jsonFilter", Kind.STRING));

    private static final Map<String, Field> DISPATCH = fields(
            f("threadcount", Kind.INT),
            f("keepgoing", Kind.BOOL),
            f("excludePrecedence", Kind.BOOL),
            f("rankAttribute", Kind.STRING),
            f("rankOrder", Kind.STRING),
            f("successOnEmptyNodeFilter", Kind.BOOL));

    private static final Map<String, Field> JOBREF_DISPATCH = fields(
            f("threadcount", Kind.INT),
            f("keepgoing", Kind.BOOL),
            f("rankAttribute", Kind.STRING),
            f("rankOrder", Kind.STRING),
            f("nodeIntersect", Kind.BOOL));

    private static final Map<String, Field> NODEFILTERS =
            fields(f("filter", Kind.STRING), f("filterExclude", Kind.STRING));

    private static final Map<String, Field> LEGACY_FILTER = fields(
            f("hostname", Kind.STRING),
            f("name", Kind.STRING),
            f("tags", Kind.STRING),
            f("os-name", Kind.STRING),
            f("os-family", Kind.STRING),
            f("os-arch", Kind.STRING),
            f("os-version", Kind.STRING));

    private static final Map<String, Field> SEQUENCE = fields(f("keepgoing", Kind.BOOL), f("strategy", Kind.STRING));

    private static final Map<String, Field> COMMAND = fields(
            f("exec", Kind.STRING),
            f("script", Kind.STRING),
            f("scriptfile", Kind.STRING),
            f("scripturl", Kind.STRING),
            f("scriptargs", "args", Kind.STRING),
            f("fileExtension", Kind.STRING),
            f("expandTokenInScriptFile", Kind.BOOL),
            f("interpreterArgsQuoted", Kind.BOOL),
            f("description", Kind.STRING),
            f("keepgoingOnSuccess", Kind.BOOL));

    private static final Map<String, Field> JOBREF = fields(
            f("name", Kind.STRING),
            f("group", Kind.STRING),
            f("uuid", Kind.STRING),
            f("project", Kind.STRING),
            f("nodeStep", Kind.BOOL),
            f("importOptions", Kind.BOOL),
            f("failOnDisable", Kind.BOOL),
            f("childNodes", Kind.BOOL),
            f("ignoreNotifications", Kind.BOOL),
            f("useName", Kind.BOOL));

    private static final Map<String, Field> EMAIL = fields(
            f("recipients", Kind.STRING),
            f("subject", Kind.STRING),
            f("attachLog", Kind.BOOL),
            f("attachLogInFile", Kind.BOOL),
            f("attachLogInline", Kind.BOOL));

    private static final Map<String, Field> WEBHOOK =
            fields(f("urls", Kind.STRING), f("httpMethod", Kind.STRING), f("format", Kind.STRING));

    private static final Map<String, Field> LOGGING = fields(
            f("limit", "loglimit", Kind.STRING),
            f("limitAction", "loglimitAction", Kind.STRING),
            f("status", "loglimitStatus", Kind.STRING));

    private static final Map<String, Field> TIME =
            fields(f("seconds", Kind.STRING), f("minute", Kind.STRING), f("hour", Kind.STRING));

    private static final Set<String> TRIGGERS =
            Set.of("onsuccess", "onfailure", "onstart", "onavgduration", "onretryablefailure");

    private static final class Converter {
        final Map<String, Position> values = new java.util.HashMap<>();
        final Map<String, Position> keys = new java.util.HashMap<>();
        private final String source;
        private final Lines lines;
        /** Attributes and children already mapped; whatever is left is kept under its own name. */
        private final Set<Object> used = Collections.newSetFromMap(new IdentityHashMap<>());
        /** Lists made for an element written more than once where one value was expected. */
        private final Set<JsonNode> repeated = Collections.newSetFromMap(new IdentityHashMap<>());

        Converter(String source, Lines lines) {
            this.source = source;
            this.lines = lines;
        }

        // --- positions -------------------------------------------------------------------

        private Position at(Element e) {
            return lines.position(e.start);
        }

        private Position textAt(Element e) {
            int o = e.contentStart;
            String cdata = "<![CDATA[";
            if (e.text.length() > 0 && source.startsWith(cdata, o)) {
                o += cdata.length();
            }
            return lines.position(o);
        }

        private void value(String pointer, Position p) {
            values.put(pointer, p);
        }

        private void put(ObjectNode obj, String pointer, String key, JsonNode v, Position keyAt) {
            obj.set(key, v);
            keys.put(Pointers.child(pointer, key), keyAt);
        }

        // --- document and job ------------------------------------------------------------

        JsonNode joblist(Element root) {
            if (!root.name.equals("joblist")) {
                throw new ParseProblem(
                        "the root element is <" + root.name + ">; Rundeck's XML job format needs"
                                + " <joblist> with one <job> per job",
                        at(root));
            }
            ArrayNode jobs = F.arrayNode();
            value("", at(root));
            for (Element child : root.children) {
                String p = Pointers.child("", jobs.size());
                if (child.name.equals("job")) {
                    jobs.add(job(child, p));
                } else {
                    ObjectNode stray = F.objectNode();
                    value(p, at(child));
                    put(stray, p, child.name, generic(child, Pointers.child(p, child.name)), at(child));
                    jobs.add(stray);
                }
            }
            for (Attribute a : root.attributes) {
                if (!a.name.startsWith("xmlns")) {
                    // nothing in a list can carry it; report it on the first job, or drop with no jobs
                    if (!jobs.isEmpty() && jobs.get(0) instanceof ObjectNode first) {
                        putAttribute(first, "/0", a.name, F.textNode(a.value), a);
                    }
                }
            }
            return jobs;
        }

        private JsonNode job(Element job, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(job));
            ObjectNode nodefilters = null;
            for (Element c : job.children) {
                switch (c.name) {
                    case "context" -> {
                        used.add(c);
                        context(c, out, p);
                    }
                    case "dispatch", "nodefilters" -> {
                        used.add(c);
                        if (nodefilters == null) {
                            nodefilters = F.objectNode();
                            String np = Pointers.child(p, "nodefilters");
                            value(np, at(c));
                            put(out, p, "nodefilters", nodefilters, at(c));
                        }
                        String np = Pointers.child(p, "nodefilters");
                        if (c.name.equals("dispatch")) {
                            String dp = Pointers.child(np, "dispatch");
                            put(
                                    nodefilters,
                                    np,
                                    "dispatch",
                                    mapped(c, dp, DISPATCH, existing(nodefilters, "dispatch")),
                                    at(c));
                        } else {
                            nodefilters(c, nodefilters, np);
                        }
                    }
                    case "sequence" -> {
                        used.add(c);
                        String sp = Pointers.child(p, "sequence");
                        put(out, p, "sequence", sequence(c, sp), at(c));
                    }
                    case "schedule" -> {
                        used.add(c);
                        String sp = Pointers.child(p, "schedule");
                        put(out, p, "schedule", schedule(c, sp), at(c));
                    }
                    case "notification" -> {
                        used.add(c);
                        String np = Pointers.child(p, "notification");
                        put(out, p, "notification", notification(c, np), at(c));
                    }
                    case "retry" -> {
                        used.add(c);
                        retry(c, out, p);
                    }
                    case "logging" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            Field f = LOGGING.get(a.name);
                            used.add(a);
                            if (f != null) {
                                putAttribute(out, p, f.key, typed(a.value, f.kind), a);
                            } else {
                                putAttribute(out, p, a.name, F.textNode(a.value), a);
                            }
                        }
                        leftovers(c, out, p);
                    }
                    case "orchestrator" -> {
                        used.add(c);
                        String op = Pointers.child(p, "orchestrator");
                        put(out, p, "orchestrator", orchestrator(c, op), at(c));
                    }
                    case "plugins" -> {
                        used.add(c);
                        String pp = Pointers.child(p, "plugins");
                        put(out, p, "plugins", jobPlugins(c, pp), at(c));
                    }
                    default -> {
                        Field f = JOB.get(c.name);
                        if (f != null) {
                            used.add(c);
                            putChild(out, p, f, c);
                        }
                    }
                }
            }
            leftovers(job, out, p);
            return out;
        }

        private ObjectNode existing(ObjectNode parent, String key) {
            return parent.get(key) instanceof ObjectNode o ? o : null;
        }

        private void context(Element context, ObjectNode job, String p) {
            ObjectNode rest = F.objectNode();
            String rp = Pointers.child(p, "context");
            for (Element c : context.children) {
                switch (c.name) {
                    case "project" -> {
                        used.add(c);
                        putChild(job, p, f("project", Kind.STRING), c);
                    }
                    case "options" -> {
                        used.add(c);
                        String op = Pointers.child(p, "options");
                        put(job, p, "options", options(c, op), at(c));
                        liftAttributes(c, job, p); // an attribute of <options> other than preserveOrder
                    }
                    default -> {
                        // Rundeck reads nothing else from <context>: keep it visible under "context".
                    }
                }
            }
            leftovers(context, rest, rp);
            if (!rest.isEmpty()) {
                value(rp, at(context));
                put(job, p, "context", rest, at(context));
            }
        }

        private JsonNode options(Element options, String p) {
            ArrayNode out = F.arrayNode();
            value(p, at(options));
            for (Attribute a : options.attributes) {
                if (a.name.equals("preserveOrder")) {
                    used.add(a); // list order is the order; nothing to keep
                }
            }
            for (Element c : options.children) {
                String ip = Pointers.child(p, out.size());
                used.add(c);
                if (c.name.equals("option")) {
                    ObjectNode o = fill(c, ip, OPTION, null);
                    for (Element rc : c.children) {
                        if (rc.name.equals("configRemoteUrl")) {
                            used.add(rc);
                            String rp = Pointers.child(ip, "configRemoteUrl");
                            put(o, ip, "configRemoteUrl", mapped(rc, rp, REMOTE_URL, null), at(rc));
                        }
                    }
                    leftovers(c, o, ip);
                    out.add(o);
                } else {
                    ObjectNode stray = F.objectNode();
                    value(ip, at(c));
                    put(stray, ip, c.name, generic(c, Pointers.child(ip, c.name)), at(c));
                    out.add(stray);
                }
            }
            return out;
        }

        private void nodefilters(Element nf, ObjectNode out, String p) {
            for (Attribute a : nf.attributes) {
                if (a.name.equalsIgnoreCase("excludeprecedence")) {
                    used.add(a);
                    String dp = Pointers.child(p, "dispatch");
                    ObjectNode d = existing(out, "dispatch");
                    if (d == null) {
                        d = F.objectNode();
                        value(dp, lines.position(a.nameOffset));
                        put(out, p, "dispatch", d, lines.position(a.nameOffset));
                    }
                    putAttribute(d, dp, "excludePrecedence", typed(a.value, Kind.BOOL), a);
                }
            }
            for (Element c : nf.children) {
                switch (c.name) {
                    case "include", "exclude" -> {
                        used.add(c);
                        String ip = Pointers.child(p, c.name);
                        put(out, p, c.name, mapped(c, ip, LEGACY_FILTER, null), at(c));
                    }
                    case "dispatch" -> {
                        used.add(c);
                        String dp = Pointers.child(p, "dispatch");
                        put(out, p, "dispatch", mapped(c, dp, DISPATCH, existing(out, "dispatch")), at(c));
                    }
                    default -> {
                        Field f = NODEFILTERS.get(c.name);
                        if (f != null) {
                            used.add(c);
                            putChild(out, p, f, c);
                        }
                    }
                }
            }
            leftovers(nf, out, p);
        }

        // --- workflow ----------------------------------------------------------------------

        private JsonNode sequence(Element seq, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(seq));
            for (Attribute a : seq.attributes) {
                Field f = SEQUENCE.get(a.name);
                if (f != null) {
                    used.add(a);
                    putAttribute(out, p, f.key, typed(a.value, f.kind), a);
                }
            }
            ArrayNode commands = null;
            String cp = Pointers.child(p, "commands");
            for (Element c : seq.children) {
                switch (c.name) {
                    case "command" -> {
                        used.add(c);
                        if (commands == null) {
                            commands = F.arrayNode();
                            value(cp, at(c));
                            put(out, p, "commands", commands, at(c));
                        }
                        commands.add(command(c, Pointers.child(cp, commands.size())));
                    }
                    case "pluginConfig" -> {
                        used.add(c);
                        String pp = Pointers.child(p, "pluginConfig");
                        put(out, p, "pluginConfig", pluginConfig(c, pp), at(c));
                    }
                    default -> {
                        Field f = SEQUENCE.get(c.name);
                        if (f != null) {
                            used.add(c);
                            putChild(out, p, f, c);
                        }
                    }
                }
            }
            leftovers(seq, out, p);
            return out;
        }

        private ObjectNode command(Element cmd, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(cmd));
            for (Attribute a : cmd.attributes) {
                Field f = COMMAND.get(a.name);
                if (f != null) {
                    used.add(a);
                    putAttribute(out, p, f.key, typed(a.value, f.kind), a);
                }
            }
            for (Element c : cmd.children) {
                switch (c.name) {
                    case "scriptinterpreter" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            if (a.name.equals("argsquoted")) {
                                used.add(a);
                                putAttribute(out, p, "interpreterArgsQuoted", typed(a.value, Kind.BOOL), a);
                            }
                        }
                        putChild(out, p, f("scriptInterpreter", Kind.STRING), c);
                    }
                    case "errorhandler" -> {
                        used.add(c);
                        String ep = Pointers.child(p, "errorhandler");
                        put(out, p, "errorhandler", command(c, ep), at(c));
                    }
                    case "jobref" -> {
                        used.add(c);
                        String jp = Pointers.child(p, "jobref");
                        put(out, p, "jobref", jobref(c, jp), at(c));
                    }
                    case "node-step-plugin", "step-plugin" -> {
                        used.add(c);
                        pluginStep(c, out, p);
                    }
                    case "plugins" -> {
                        used.add(c);
                        String pp = Pointers.child(p, "plugins");
                        put(out, p, "plugins", stepPlugins(c, pp), at(c));
                    }
                    default -> {
                        Field f = COMMAND.get(c.name);
                        if (f != null) {
                            used.add(c);
                            putChild(out, p, f, c);
                        }
                    }
                }
            }
            leftovers(cmd, out, p);
            return out;
        }

        private void pluginStep(Element plugin, ObjectNode out, String p) {
            Position where = at(plugin);
            for (Attribute a : plugin.attributes) {
                if (a.name.equals("type")) {
                    used.add(a);
                    putAttribute(out, p, "type", F.textNode(a.value), a);
                }
            }
            String np = Pointers.child(p, "nodeStep");
            value(np, where);
            put(out, p, "nodeStep", F.booleanNode(plugin.name.equals("node-step-plugin")), where);
            for (Element c : plugin.children) {
                if (c.name.equals("configuration")) {
                    used.add(c);
                    String cp = Pointers.child(p, "configuration");
                    put(out, p, "configuration", config(c, cp), at(c));
                } else if (c.name.equals("type")) {
                    used.add(c);
                    putChild(out, p, f("type", Kind.STRING), c);
                }
            }
            liftAttributes(plugin, out, p);
            leftovers(plugin, out, p);
        }

        private JsonNode jobref(Element ref, String p) {
            ObjectNode out = fill(ref, p, JOBREF, null);
            for (Element c : ref.children) {
                switch (c.name) {
                    case "arg" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            if (a.name.equals("line")) {
                                used.add(a);
                                putAttribute(out, p, "args", F.textNode(a.value), a);
                            }
                        }
                        liftAttributes(c, out, p);
                        leftovers(c, out, p);
                    }
                    case "nodefilters" -> {
                        used.add(c);
                        String np = Pointers.child(p, "nodefilters");
                        ObjectNode nf = existing(out, "nodefilters");
                        if (nf == null) {
                            nf = F.objectNode();
                            value(np, at(c));
                            put(out, p, "nodefilters", nf, at(c));
                        }
                        for (Element fc : c.children) {
                            if (fc.name.equals("filter")) {
                                used.add(fc);
                                putChild(nf, np, f("filter", Kind.STRING), fc);
                            } else if (fc.name.equals("dispatch")) {
                                used.add(fc);
                                String dp = Pointers.child(np, "dispatch");
                                put(
                                        nf,
                                        np,
                                        "dispatch",
                                        mapped(fc, dp, JOBREF_DISPATCH, existing(nf, "dispatch")),
                                        at(fc));
                            }
                        }
                        leftovers(c, nf, np);
                    }
                    case "dispatch" -> {
                        used.add(c);
                        String np = Pointers.child(p, "nodefilters");
                        ObjectNode nf = existing(out, "nodefilters");
                        if (nf == null) {
                            nf = F.objectNode();
                            value(np, at(c));
                            put(out, p, "nodefilters", nf, at(c));
                        }
                        String dp = Pointers.child(np, "dispatch");
                        put(nf, np, "dispatch", mapped(c, dp, JOBREF_DISPATCH, existing(nf, "dispatch")), at(c));
                    }
                    default -> {
                        // handled by mapped() or kept by leftovers()
                    }
                }
            }
            leftovers(ref, out, p);
            return out;
        }

        /** Step log filters: {@code <plugins><LogFilter type=..><config>..</config></LogFilter></plugins>}. */
        private JsonNode stepPlugins(Element plugins, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(plugins));
            ArrayNode filters = null;
            String lp = Pointers.child(p, "LogFilter");
            for (Element c : plugins.children) {
                if (!c.name.equals("LogFilter")) {
                    continue;
                }
                used.add(c);
                if (filters == null) {
                    filters = F.arrayNode();
                    value(lp, at(c));
                    put(out, p, "LogFilter", filters, at(c));
                }
                filters.add(logFilter(c, Pointers.child(lp, filters.size())));
            }
            leftovers(plugins, out, p);
            return out;
        }

        private JsonNode logFilter(Element filter, String p) {
            return typed(filter, p, "config");
        }

        /** {@code <pluginConfig>}: {@code LogFilter} entries as a list, anything else as a config tree. */
        private JsonNode pluginConfig(Element pc, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(pc));
            ArrayNode filters = null;
            String lp = Pointers.child(p, "LogFilter");
            for (Element c : pc.children) {
                used.add(c);
                if (c.name.equals("LogFilter")) {
                    if (filters == null) {
                        filters = F.arrayNode();
                        value(lp, at(c));
                        put(out, p, "LogFilter", filters, at(c));
                    }
                    filters.add(logFilter(c, Pointers.child(lp, filters.size())));
                } else {
                    String cp = Pointers.child(p, c.name);
                    put(out, p, c.name, generic(c, cp), at(c));
                }
            }
            leftovers(pc, out, p);
            return out;
        }

        // --- schedule, notification, retry, plugins -------------------------------------------

        private JsonNode schedule(Element s, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(s));
            for (Attribute a : s.attributes) {
                if (a.name.equals("crontab")) {
                    used.add(a);
                    putAttribute(out, p, "crontab", F.textNode(a.value), a);
                }
            }
            for (Element c : s.children) {
                switch (c.name) {
                    case "crontab" -> {
                        used.add(c);
                        putChild(out, p, f("crontab", Kind.STRING), c);
                    }
                    case "time" -> {
                        used.add(c);
                        String tp = Pointers.child(p, "time");
                        put(out, p, "time", mapped(c, tp, TIME, null), at(c));
                    }
                    case "month", "year" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            if (a.name.equals(c.name)) {
                                used.add(a);
                                putAttribute(out, p, c.name, F.textNode(a.value), a);
                            } else if (c.name.equals("month") && a.name.equals("day") && !out.has("dayofmonth")) {
                                used.add(a);
                                dayOf(out, p, "dayofmonth", a);
                            }
                        }
                        liftAttributes(c, out, p);
                        leftovers(c, out, p);
                    }
                    case "weekday", "dayofmonth" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            if (a.name.equals("day")) {
                                used.add(a);
                                dayOf(out, p, c.name, a);
                            }
                        }
                        // An empty <dayofmonth/> only marks that <month day=..> holds the day of month.
                        liftAttributes(c, out, p);
                        leftovers(c, out, p);
                    }
                    default -> {
                        // kept by leftovers()
                    }
                }
            }
            leftovers(s, out, p);
            return out;
        }

        private void dayOf(ObjectNode schedule, String p, String key, Attribute day) {
            ObjectNode d = F.objectNode();
            String dp = Pointers.child(p, key);
            value(dp, lines.position(day.nameOffset));
            put(schedule, p, key, d, lines.position(day.nameOffset));
            putAttribute(d, dp, "day", F.textNode(day.value), day);
        }

        private JsonNode notification(Element n, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(n));
            for (Element c : n.children) {
                if (TRIGGERS.contains(c.name)) {
                    used.add(c);
                    String tp = Pointers.child(p, c.name);
                    put(out, p, c.name, trigger(c, tp), at(c));
                }
            }
            leftovers(n, out, p);
            return out;
        }

        /** One map (the old form), or a list of maps when an email or webhook repeats. */
        private JsonNode trigger(Element t, String p) {
            long emails =
                    t.children.stream().filter(c -> c.name.equals("email")).count();
            long hooks =
                    t.children.stream().filter(c -> c.name.equals("webhook")).count();
            if (emails <= 1 && hooks <= 1) {
                ObjectNode out = F.objectNode();
                value(p, at(t));
                fillTrigger(t.children, out, p);
                leftovers(t, out, p);
                return out;
            }
            ArrayNode list = F.arrayNode();
            value(p, at(t));
            for (Element c : t.children) {
                if (c.name.equals("email") || c.name.equals("webhook") || c.name.equals("plugin")) {
                    String ip = Pointers.child(p, list.size());
                    ObjectNode entry = F.objectNode();
                    value(ip, at(c));
                    fillTrigger(List.of(c), entry, ip);
                    list.add(entry);
                }
            }
            if (list.isEmpty()
                    || t.children.stream().anyMatch(c -> !used.contains(c))
                    || t.attributes.stream().anyMatch(a -> !used.contains(a))) {
                ObjectNode rest = F.objectNode();
                String ip = Pointers.child(p, list.size());
                value(ip, at(t));
                leftovers(t, rest, ip);
                if (!rest.isEmpty()) {
                    list.add(rest);
                }
            }
            return list;
        }

        private void fillTrigger(List<Element> entries, ObjectNode out, String p) {
            List<Element> plugins = new ArrayList<>();
            for (Element c : entries) {
                switch (c.name) {
                    case "email" -> {
                        used.add(c);
                        String ep = Pointers.child(p, "email");
                        put(out, p, "email", mapped(c, ep, EMAIL, null), at(c));
                    }
                    case "webhook" -> {
                        used.add(c);
                        for (Attribute a : c.attributes) {
                            Field f = WEBHOOK.get(a.name);
                            if (f != null) {
                                used.add(a);
                                putAttribute(out, p, f.key, typed(a.value, f.kind), a);
                            }
                        }
                        liftAttributes(c, out, p);
                        leftovers(c, out, p);
                    }
                    case "plugin" -> {
                        used.add(c);
                        plugins.add(c);
                    }
                    default -> {
                        // kept by leftovers()
                    }
                }
            }
            if (plugins.size() == 1) {
                String pp = Pointers.child(p, "plugin");
                put(out, p, "plugin", typedPlugin(plugins.get(0), pp), at(plugins.get(0)));
            } else if (plugins.size() > 1) {
                String pp = Pointers.child(p, "plugin");
                ArrayNode list = F.arrayNode();
                value(pp, at(plugins.get(0)));
                for (Element c : plugins) {
                    list.add(typedPlugin(c, Pointers.child(pp, list.size())));
                }
                put(out, p, "plugin", list, at(plugins.get(0)));
            }
        }

        /** {@code <plugin type=..><configuration>..</configuration></plugin>} → {type, configuration}. */
        private JsonNode typedPlugin(Element plugin, String p) {
            return typed(plugin, p, "configuration");
        }

        /** {@code type} (attribute or child) plus a configuration tree under {@code configKey}. */
        private JsonNode typed(Element element, String p, String configKey) {
            ObjectNode out = F.objectNode();
            value(p, at(element));
            for (Attribute a : element.attributes) {
                if (a.name.equals("type")) {
                    used.add(a);
                    putAttribute(out, p, "type", F.textNode(a.value), a);
                }
            }
            for (Element c : element.children) {
                if (c.name.equals(configKey)) {
                    used.add(c);
                    put(out, p, configKey, config(c, Pointers.child(p, configKey)), at(c));
                } else if (c.name.equals("type")) {
                    used.add(c);
                    putChild(out, p, f("type", Kind.STRING), c);
                }
            }
            leftovers(element, out, p);
            return out;
        }

        private JsonNode orchestrator(Element o, String p) {
            return typedPlugin(o, p);
        }

        /** Job-level {@code <plugins>}: {@code ExecutionLifecycle} providers with their configuration. */
        private JsonNode jobPlugins(Element plugins, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(plugins));
            for (Element c : plugins.children) {
                if (!c.name.equals("ExecutionLifecycle")) {
                    continue;
                }
                used.add(c);
                String lp = Pointers.child(p, "ExecutionLifecycle");
                if (c.children.isEmpty() && c.attributes.isEmpty() && c.blankText()) {
                    value(lp, at(c));
                    put(out, p, "ExecutionLifecycle", F.nullNode(), at(c));
                    continue;
                }
                ObjectNode providers = F.objectNode();
                value(lp, at(c));
                put(out, p, "ExecutionLifecycle", providers, at(c));
                for (Element provider : c.children) {
                    used.add(provider);
                    String name = provider.name;
                    Element configuration = provider;
                    if (provider.name.equals("plugin")) {
                        for (Attribute a : provider.attributes) {
                            if (a.name.equals("type")) {
                                used.add(a);
                                name = a.value;
                            }
                        }
                        configuration = provider.children.stream()
                                .filter(x -> x.name.equals("configuration"))
                                .findFirst()
                                .orElse(null);
                        if (configuration != null) {
                            used.add(configuration);
                        }
                    }
                    String pp = Pointers.child(lp, name);
                    JsonNode cfg =
                            configuration == null || configuration.isEmpty() ? F.nullNode() : config(configuration, pp);
                    value(pp, at(provider));
                    put(providers, lp, name, cfg, at(provider));
                    if (provider != configuration && cfg instanceof ObjectNode co) {
                        leftovers(provider, co, pp);
                    }
                }
                leftovers(c, providers, lp);
            }
            leftovers(plugins, out, p);
            return out;
        }

        private void retry(Element r, ObjectNode job, String p) {
            String rp = Pointers.child(p, "retry");
            Attribute delay = null;
            for (Attribute a : r.attributes) {
                if (a.name.equals("delay")) {
                    delay = a;
                    used.add(a);
                }
            }
            if (delay == null && r.children.isEmpty() && r.attributes.isEmpty()) {
                value(rp, textAt(r));
                put(job, p, "retry", F.textNode(r.text.toString()), at(r));
                return;
            }
            ObjectNode out = F.objectNode();
            value(rp, at(r));
            put(job, p, "retry", out, at(r));
            String cp = Pointers.child(rp, "retry");
            value(cp, textAt(r));
            put(out, rp, "retry", F.textNode(r.text.toString().strip()), textAt(r));
            if (delay != null) {
                putAttribute(out, rp, "delay", F.textNode(delay.value), delay);
            }
            for (Element c : r.children) {
                if (c.name.equals("retry") || c.name.equals("delay")) {
                    used.add(c);
                    putChild(out, rp, f(c.name, Kind.STRING), c);
                }
            }
            r.text.setLength(0); // the count is mapped; do not keep it again as "#text"
            leftovers(r, out, rp);
        }

        // --- generic mapping -------------------------------------------------------------

        /**
         * An element whose fields are attributes or child elements (either way), per {@code spec};
         * anything else is kept under its own name. Merges into {@code into} when given.
         */
        private ObjectNode mapped(Element e, String p, Map<String, Field> spec, ObjectNode into) {
            ObjectNode out = fill(e, p, spec, into);
            leftovers(e, out, p);
            return out;
        }

        /** {@link #mapped} without keeping the rest yet, for callers that map more of the element. */
        private ObjectNode fill(Element e, String p, Map<String, Field> spec, ObjectNode into) {
            ObjectNode out = into != null ? into : F.objectNode();
            value(p, at(e));
            for (Attribute a : e.attributes) {
                Field f = spec.get(a.name);
                if (f != null) {
                    used.add(a);
                    if (f.kind == Kind.SPLIT) {
                        putSplit(
                                out,
                                p,
                                f.key,
                                a.value,
                                delimiter(e),
                                lines.position(a.nameOffset),
                                lines.position(a.valueOffset));
                    } else {
                        putAttribute(out, p, f.key, typed(a.value, f.kind), a);
                    }
                }
            }
            for (Element c : e.children) {
                Field f = spec.get(c.name);
                if (f != null) {
                    used.add(c);
                    if (f.kind == Kind.SPLIT && c.children.isEmpty()) {
                        putSplit(out, p, f.key, c.text.toString(), delimiter(e), at(c), textAt(c));
                        liftAttributes(c, out, p);
                    } else {
                        putChild(out, p, f, c);
                    }
                }
            }
            return out;
        }

        private String delimiter(Element e) {
            for (Attribute a : e.attributes) {
                if (a.name.equals("valuesListDelimiter") && !a.value.isEmpty()) {
                    return a.value;
                }
            }
            return ",";
        }

        private void putSplit(
                ObjectNode out, String p, String key, String text, String delimiter, Position keyAt, Position valueAt) {
            ArrayNode list = F.arrayNode();
            String lp = Pointers.child(p, key);
            value(lp, valueAt);
            if (!text.isEmpty()) {
                int from = 0;
                while (true) {
                    int i = text.indexOf(delimiter, from);
                    String part = i < 0 ? text.substring(from) : text.substring(from, i);
                    value(Pointers.child(lp, list.size()), shift(valueAt, from));
                    list.add(part);
                    if (i < 0) {
                        break;
                    }
                    from = i + delimiter.length();
                }
            }
            put(out, p, key, list, keyAt);
        }

        private static Position shift(Position p, int columns) {
            return new Position(p.line(), p.column() + columns);
        }

        /**
         * One child element mapped to {@code f.key}. An element written twice where one value belongs
         * ({@code <name>a</name><name>b</name>}) becomes a list, which the schema then rejects.
         */
        private void putChild(ObjectNode out, String p, Field f, Element c) {
            String cp = Pointers.child(p, f.key);
            JsonNode previous = out.get(f.key);
            if (previous == null) {
                put(out, p, f.key, childValue(c, f, cp, out, p), at(c));
                return;
            }
            ArrayNode list;
            if (previous instanceof ArrayNode a && repeated.contains(a)) {
                list = a;
            } else {
                list = F.arrayNode();
                repeated.add(list);
                list.add(previous);
                Position first = values.get(cp);
                if (first != null) {
                    values.put(Pointers.child(cp, 0), first);
                }
                values.put(cp, keys.getOrDefault(cp, at(c)));
                out.set(f.key, list);
            }
            list.add(childValue(c, f, Pointers.child(cp, list.size()), out, p));
        }

        private JsonNode childValue(Element c, Field f, String vp, ObjectNode parent, String p) {
            if (f.kind == Kind.CONFIG) {
                return config(c, vp);
            }
            if (!c.children.isEmpty()) {
                return generic(c, vp);
            }
            value(vp, textAt(c));
            liftAttributes(c, parent, p);
            return f.kind == Kind.NULLABLE && c.text.toString().isBlank()
                    ? F.nullNode()
                    : typed(c.text.toString(), f.kind);
        }

        private void putAttribute(ObjectNode out, String p, String key, JsonNode v, Attribute a) {
            String cp = Pointers.child(p, key);
            value(cp, lines.position(a.valueOffset));
            put(out, p, key, v, lines.position(a.nameOffset));
        }

        /** Attributes of a text element that maps to a scalar: keep unknown ones on the parent map. */
        private void liftAttributes(Element c, ObjectNode out, String p) {
            for (Attribute a : c.attributes) {
                if (!used.contains(a)) {
                    used.add(a);
                    putAttribute(out, p, a.name, F.textNode(a.value), a);
                }
            }
        }

        /** Whatever of {@code e} no rule of the format mapped: kept under its own name. */
        private void leftovers(Element e, ObjectNode out, String p) {
            for (Attribute a : e.attributes) {
                if (!used.contains(a)) {
                    used.add(a);
                    putAttribute(out, p, a.name, F.textNode(a.value), a);
                }
            }
            Map<String, List<Element>> byName = new LinkedHashMap<>();
            for (Element c : e.children) {
                if (!used.contains(c)) {
                    byName.computeIfAbsent(c.name, k -> new ArrayList<>()).add(c);
                }
            }
            for (Map.Entry<String, List<Element>> group : byName.entrySet()) {
                String cp = Pointers.child(p, group.getKey());
                List<Element> list = group.getValue();
                list.forEach(used::add);
                if (list.size() == 1) {
                    put(out, p, group.getKey(), generic(list.get(0), cp), at(list.get(0)));
                } else {
                    ArrayNode arr = F.arrayNode();
                    value(cp, at(list.get(0)));
                    for (Element c : list) {
                        arr.add(generic(c, Pointers.child(cp, arr.size())));
                    }
                    put(out, p, group.getKey(), arr, at(list.get(0)));
                }
            }
            if (!e.blankText()) {
                // text beside attributes or child elements has no key of its own in the format
                String tp = Pointers.child(p, "#text");
                value(tp, textAt(e));
                put(out, p, "#text", F.textNode(e.text.toString().strip()), textAt(e));
            }
        }

        /** Any element, as written: text, or a map of attributes and children (repeats as lists). */
        private JsonNode generic(Element e, String p) {
            if (e.attributes.isEmpty() && e.children.isEmpty()) {
                value(p, textAt(e));
                return F.textNode(e.text.toString());
            }
            ObjectNode out = F.objectNode();
            value(p, at(e));
            leftovers(e, out, p);
            return out;
        }

        /** {@code <entry key=".." value=".."/>} children, or plain {@code <key>value</key>} children. */
        private JsonNode config(Element e, String p) {
            ObjectNode out = F.objectNode();
            value(p, at(e));
            for (Element c : e.children) {
                if (c.name.equals("entry")) {
                    Attribute key = null;
                    Attribute val = null;
                    for (Attribute a : c.attributes) {
                        if (a.name.equals("key")) {
                            key = a;
                        } else if (a.name.equals("value")) {
                            val = a;
                        }
                    }
                    if (key == null) {
                        continue; // kept by leftovers() as "entry"
                    }
                    used.add(c);
                    used.add(key);
                    String cp = Pointers.child(p, key.value);
                    if (val != null) {
                        used.add(val);
                        value(cp, lines.position(val.valueOffset));
                        put(out, p, key.value, F.textNode(val.value), lines.position(key.nameOffset));
                    } else {
                        value(cp, textAt(c));
                        put(out, p, key.value, F.textNode(c.text.toString()), lines.position(key.nameOffset));
                    }
                    for (Attribute a : c.attributes) {
                        if (!used.contains(a)) {
                            used.add(a);
                            String ap = Pointers.child(p, key.value + "." + a.name);
                            value(ap, lines.position(a.valueOffset));
                            put(out, p, key.value + "." + a.name, F.textNode(a.value), lines.position(a.nameOffset));
                        }
                    }
                } else if (c.attributes.isEmpty() && c.children.isEmpty()) {
                    used.add(c);
                    String cp = Pointers.child(p, c.name);
                    value(cp, textAt(c));
                    put(out, p, c.name, F.textNode(c.text.toString()), at(c));
                }
            }
            leftovers(e, out, p);
            return out;
        }

        private static JsonNode typed(String text, Kind kind) {
            String t = text.strip();
            return switch (kind) {
                case BOOL -> t.equalsIgnoreCase("true")
                        ? F.booleanNode(true)
                        : t.equalsIgnoreCase("false") ? F.booleanNode(false) : F.textNode(text);
                case INT -> DIGITS.matcher(t).matches() ? F.numberNode(Long.parseLong(t)) : F.textNode(text);
                default -> F.textNode(text);
            };
        }
    }
}
