package org.runbook.coauthor.rundeck.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A local stand-in for the parts of Rundeck the co-author dialog talks to: a job list page that loads the
 * plugin's real script and style from the classpath, and the API calls of the UI contract. Like Rundeck,
 * it wants {@code X-Rundeck-ajax} on API calls, accepts a non-GET call only with the newest synchronizer
 * token, and hands out a new token with every API response. Every API request is recorded.
 */
final class FakeRundeck implements AutoCloseable {
    static final String PROJECT = "demo";
    static final String JOB_ID = "0b2f7c1e-coauthor-generate";
    static final String EXEC_ID = "42";
    static final String INITIAL_TOKEN = "token-0";
    static final String TOKEN_URI = "/api/48";
    static final List<String> CATEGORIES = List.of("Data Transfers", "Service Restarts", "Access Management");

    /**
     * One API request as the server saw it; header names are lower case.
     *
     * @param validToken the only synchronizer token the server would accept for this request
     */
    record Recorded(
            String method, String path, String query, Map<String, String> headers, String body, String validToken) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " token="
                    + header("X-RUNDECK-TOKEN-KEY");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Recorded> requests = new ArrayList<>();
    private String token = INITIAL_TOKEN;
    private int tokens;
    private int polls;

    boolean jobInstalled = true;
    boolean bareLayout;
    /** Whether GET responses carry a new token too; when false the first write must use the page's token. */
    boolean rotateOnGet = true;

    boolean stepFails;
    private boolean closed;
    int runStatus = 200;
    String resultJson = "{}";
    Map<String, Object> importResponse;

    FakeRundeck() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String rdBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    String jobListUrl() {
        return rdBase() + "project/" + PROJECT + "/jobs";
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized String currentToken() {
        return token;
    }

    synchronized List<Recorded> requests(String method, String pathSuffix) {
        return requests.stream()
                .filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix))
                .toList();
    }

    /** The backend's log line for a result: the prefix and the Base64 of the UTF-8 JSON. */
    static String resultLine(String json) {
        return "COAUTHOR:RESULT:" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Object> succeeded(String name, String group) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("index", 1);
        job.put("id", "imported-" + name.hashCode());
        job.put("name", name);
        job.put("group", group);
        job.put("project", PROJECT);
        return Map.of("succeeded", List.of(job), "failed", List.of(), "skipped", List.of());
    }

    static Map<String, Object> failed(String name, String error) {
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("index", 1);
        job.put("name", name);
        job.put("group", "");
        job.put("project", PROJECT);
        job.put("error", error);
        return Map.of("succeeded", List.of(), "failed", List.of(job), "skipped", List.of());
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/48/")) {
                api(exchange, path.substring("/api/48/".length()));
            } else if (path.equals("/project/" + PROJECT + "/jobs")) {
                send(exchange, 200, "text/html", page());
            } else if (path.startsWith("/plugin/file/UI/coauthor-ui/ui/")) {
                String name = path.substring("/plugin/file/UI/coauthor-ui/".length());
                String type = name.endsWith(".css") ? "text/css" : "text/javascript";
                send(exchange, 200, type, classpath("/resources/" + name));
            } else if (path.equals("/plugin/file/UI/coauthor-ui/coauthor-job.yaml")) {
                send(exchange, 200, "application/yaml", classpath("/ui/coauthor-job-fixture.yaml"));
            } else {
                send(exchange, 404, "text/plain", "not found: " + path);
            }
        }
    }

    private void api(HttpExchange exchange, String route) throws IOException {
        String method = exchange.getRequestMethod();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded recorded = new Recorded(method, "/api/48/" + route, query == null ? "" : query, headers, body, token);
        requests.add(recorded);

        if (!"true".equals(recorded.header("X-Rundeck-ajax"))) {
            send(exchange, 404, "text/plain", "api access from a browser session needs X-Rundeck-ajax");
            return;
        }
        boolean tokenOk = method.equals("GET")
                || (token.equals(recorded.header("X-RUNDECK-TOKEN-KEY"))
                        && TOKEN_URI.equals(recorded.header("X-RUNDECK-TOKEN-URI")));
        if (!method.equals("GET") || rotateOnGet) {
            token = "token-" + (++tokens);
            exchange.getResponseHeaders().add("X-Rundeck-Token-Key", token);
            exchange.getResponseHeaders().add("X-Rundeck-Token-URI", TOKEN_URI);
        }
        if (!tokenOk) {
            json(exchange, 401, error("api.error.item.unauthorized", "invalid synchronizer token"));
            return;
        }
        String jobsRoute = "project/" + PROJECT + "/jobs";
        if (method.equals("GET") && route.equals(jobsRoute)) {
            json(
                    exchange,
                    200,
                    jobInstalled
                                    && query.contains("groupPathExact=coauthor")
                                    && query.contains("jobExactFilter=Generate%20job")
                            ? List.of(job())
                            : List.of());
        } else if (method.equals("GET") && route.equals("job/" + JOB_ID)) {
            json(exchange, 200, List.of(definition()));
        } else if (method.equals("POST") && route.equals("job/" + JOB_ID + "/run")) {
            json(
                    exchange,
                    runStatus,
                    runStatus == 200
                            ? Map.of("id", Integer.valueOf(EXEC_ID), "status", "running")
                            : error(
                                    "api.error.item.unauthorized",
                                    "Not authorized for action \"Run\" for Job ID " + JOB_ID));
        } else if (method.equals("GET") && route.equals("execution/" + EXEC_ID + "/output")) {
            json(exchange, 200, output());
        } else if (method.equals("POST") && route.equals(jobsRoute + "/import")) {
            if (body.contains("name: Generate job")) {
                jobInstalled = true;
                json(exchange, 200, succeeded("Generate job", "coauthor"));
            } else {
                json(exchange, 200, importResponse == null ? succeeded("imported", "") : importResponse);
            }
        } else {
            json(exchange, 404, error("api.error.item.doesnotexist", "no such endpoint: " + method + " " + route));
        }
    }

    /** Two polls: the first returns a partial log and an offset, the second the rest with the result. */
    private Map<String, Object> output() {
        polls++;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", EXEC_ID);
        if (polls == 1) {
            out.put("offset", "120");
            out.put("completed", false);
            out.put("execCompleted", false);
            out.put("execState", "running");
            out.put("entries", List.of(Map.of("level", "NORMAL", "log", "co-author: drafting the job")));
        } else {
            out.put("offset", "980");
            out.put("completed", true);
            out.put("execCompleted", true);
            out.put("execState", stepFails ? "failed" : "succeeded");
            out.put(
                    "entries",
                    List.of(
                            stepFails
                                    ? Map.of("level", "ERROR", "log", "Configuration invalid: request is required")
                                    : Map.of("level", "NORMAL", "log", resultLine(resultJson))));
        }
        return out;
    }

    private static Map<String, Object> job() {
        return Map.of("id", JOB_ID, "name", "Generate job", "group", "coauthor", "project", PROJECT);
    }

    private static Map<String, Object> definition() {
        return Map.of(
                "id",
                JOB_ID,
                "name",
                "Generate job",
                "group",
                "coauthor",
                "options",
                List.of(
                        Map.of("name", "category", "enforced", true, "values", CATEGORIES),
                        Map.of("name", "request", "required", true)));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", true, "apiversion", 48, "errorCode", code, "message", message);
    }

    private static void json(HttpExchange exchange, int status, Object value) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsString(value));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String classpath(String name) {
        try (InputStream in = FakeRundeck.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A page shaped like Rundeck's job list: subtitle bar, the page globals and the synchronizer token. The
     * bare layout has none of the places the button looks for.
     */
    private String page() {
        String subtitle = bareLayout
                ? "<div class=\"other-layout\"><a href=\"#\">All Jobs</a></div>"
                : """
                <div id="subtitlebar"><div class="subtitle-head"><div class="subtitle-head-item">
                  <span class="label">3</span> <a href="#">All Jobs</a>
                </div></div></div>
                <div id="page_jobs"><p>coauthor / Generate job</p></div>
                """;
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Jobs - demo</title>
                <link rel="stylesheet" href="/plugin/file/UI/coauthor-ui/ui/coauthor.css">
                <script>
                  window._rundeck = {rdBase: '%1$s', apiVersion: '48', projectName: '%2$s'};
                  window.rundeckPage = {project: function () { return '%2$s'; }, path: function () { return 'menu/jobs'; }};
                </script>
                <script src="/plugin/file/UI/coauthor-ui/ui/coauthor.js"></script>
                </head><body>
                <nav><a href="#">Rundeck</a> <a href="#">Jobs</a></nav>
                %5$s
                <script type="text/json" id="web_ui_token">{"TOKEN":"%3$s","URI":"%4$s"}</script>
                </body></html>
                """
                .formatted(rdBase(), PROJECT, INITIAL_TOKEN, TOKEN_URI, subtitle);
    }
}
