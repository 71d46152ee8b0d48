package org.runbook.coauthor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server that implements Rundeck's documented job import endpoint for one project and one
 * token: it checks the method, path, query, {@code Content-Type} and token header, reads the YAML or
 * JSON body as a job list and answers with Rundeck's report. It keeps the imported jobs, so
 * {@code dupeOption=update|skip} behave as in Rundeck, and records every request it receives.
 */
public final class FakeRundeck implements AutoCloseable {
    /** One request as the server saw it; the path is decoded. */
    public record Received(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {}

    private static final Pattern IMPORT = Pattern.compile("^/api/(\\d+)/project/([^/]+)/jobs/import$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final HttpServer server;
    private final String token;
    private final String project;
    private final int apiVersion;
    private final Set<String> formats = new HashSet<>(Set.of("yaml", "json"));
    private final Set<String> deniedGroups = new HashSet<>();
    private final Map<String, String> jobs = new HashMap<>();
    private final List<Received> received = new ArrayList<>();
    private int created;

    public FakeRundeck(String token, String project) throws IOException {
        this.token = token;
        this.project = project;
        this.apiVersion = RundeckImporter.DEFAULT_API_VERSION;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Jobs in this group fail as an ACL denial would. */
    public synchronized FakeRundeck deny(String group) {
        deniedGroups.add(group);
        return this;
    }

    /** The formats this server takes; others get 415. */
    public synchronized FakeRundeck formats(String... names) {
        formats.clear();
        formats.addAll(List.of(names));
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String path = exchange.getRequestURI().getPath();
        synchronized (this) {
            received.add(new Received(exchange.getRequestMethod(), path, query, headers, body));
            Answer answer = answer(exchange.getRequestMethod(), path, query, headers, body);
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Answer(int status, String body) {}

    private Answer answer(
            String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        Matcher m = IMPORT.matcher(path);
        if (!m.matches()) {
            return error(404, "api.error.invalid.request", "Invalid API Request: " + path);
        }
        if (!token.equals(headers.get("x-rundeck-auth-token"))) {
            return error(401, "api.error.item.unauthorized", "Unauthorized: not authenticated");
        }
        if (!method.equals("POST")) {
            return error(405, "api.error.invalid.request", "Method not allowed: " + method);
        }
        if (Integer.parseInt(m.group(1)) > apiVersion) {
            return error(400, "api.error.api-version.unsupported", "Unsupported API Version \"" + m.group(1) + "\"");
        }
        if (!m.group(2).equals(project)) {
            return error(404, "api.error.item.doesnotexist", "Project does not exist: " + m.group(2));
        }
        String format = formatOf(headers.getOrDefault("content-type", ""));
        if (format == null || !formats.contains(format) || !format.equals(query.getOrDefault("fileformat", format))) {
            return error(
                    415,
                    "api.error.jobs.import.format.unsupported",
                    "The specified format is not supported: "
                            + query.getOrDefault("fileformat", String.valueOf(format)));
        }
        JsonNode document;
        try {
            document = (format.equals("json") ? JSON : YAML).readTree(body);
        } catch (IOException e) {
            return error(
                    400,
                    "api.error.jobs.import.invalid",
                    "Jobs Document was invalid for format " + format + ": " + e.getMessage());
        }
        if (document == null || !document.isArray() || document.isEmpty()) {
            return error(400, "api.error.jobs.import.empty", "Jobs Document was empty");
        }
        return new Answer(200, report(document, query.getOrDefault("dupeOption", "create"), query));
    }

    private String report(JsonNode document, String dupe, Map<String, String> query) {
        ObjectNode report = JSON.createObjectNode();
        ArrayNode succeeded = report.putArray("succeeded");
        ArrayNode failed = report.putArray("failed");
        ArrayNode skipped = report.putArray("skipped");
        int index = 0;
        for (JsonNode job : document) {
            index++;
            String name = job.path("name").asText();
            String group = job.path("group").asText("");
            String key = group + "/" + name;
            ObjectNode entry = JSON.createObjectNode().put("index", index);
            if (deniedGroups.contains(group)) {
                failed.add(entry.put("error", "Unauthorized: Create Job")
                        .put("name", name)
                        .put("group", group)
                        .put("project", project));
                continue;
            }
            if (job.path("sequence").path("commands").isEmpty()) {
                failed.add(entry.put("error", "Workflow must have at least one step")
                        .put("name", name)
                        .put("group", group)
                        .put("project", project));
                continue;
            }
            String existing = jobs.get(key);
            if (existing != null && dupe.equals("skip")) {
                link(entry, existing).put("error", "A Job named '" + name + "' already exists");
                skipped.add(entry.put("name", name).put("group", group).put("project", project));
                continue;
            }
            String id = existing != null && dupe.equals("update") ? existing : newId(job, query);
            jobs.put(key, id);
            succeeded.add(link(entry, id).put("name", name).put("group", group).put("project", project));
        }
        return report.toString();
    }

    private String newId(JsonNode job, Map<String, String> query) {
        boolean preserve = !"remove".equals(query.get("uuidOption"));
        if (preserve && job.hasNonNull("uuid")) {
            return job.get("uuid").asText();
        }
        created++;
        return String.format("0f1e2d3c-0000-4000-8000-%012d", created);
    }

    private ObjectNode link(ObjectNode entry, String id) {
        return entry.put("id", id)
                .put("href", url() + "/api/" + apiVersion + "/job/" + id)
                .put("permalink", url() + "/project/" + project + "/job/show/" + id);
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode e = JSON.createObjectNode()
                .put("error", true)
                .put("apiversion", RundeckImporter.DEFAULT_API_VERSION)
                .put("errorCode", code)
                .put("message", message);
        return new Answer(status, e.toString());
    }

    private static String formatOf(String contentType) {
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/yaml", "text/yaml" -> "yaml";
            case "application/json" -> "json";
            case "application/xml", "text/xml" -> "xml";
            default -> null;
        };
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
