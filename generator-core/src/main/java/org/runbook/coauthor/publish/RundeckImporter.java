package org.runbook.coauthor.publish;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.error.RetriableException;

/**
 * A client of Rundeck's job import API ({@code POST /api/V/project/P/jobs/import}) that sends one
 * job document as the raw request body and reads the JSON report.
 *
 * <pre>{@code
 * RundeckImporter importer = RundeckImporter.builder()
 *         .url("https://rundeck.example.com")
 *         .token(System.getenv("RD_TOKEN"))
 *         .build();
 * ImportReport report = importer.send(ImportRequest.builder().project("ops").document(yaml).build());
 * }</pre>
 *
 * Redirects are never followed, so the token goes only to the host given. Nothing is retried: an
 * import with {@code dupe=create} is not idempotent. Thread-safe.
 */
public final class RundeckImporter {
    /** The API version of Rundeck 5.4 and 5.5. */
    public static final int DEFAULT_API_VERSION = 48;
    /** The first API version with the import endpoint used here. */
    public static final int MIN_API_VERSION = 14;

    static final String TOKEN_HEADER = "X-Rundeck-Auth-Token";

    private final URI base;
    private final String token;
    private final int apiVersion;
    private final Duration requestTimeout;
    private final HttpClient client;

    private RundeckImporter(Builder b) {
        this.base = parseBaseUrl(b.url);
        if (b.token == null || b.token.isBlank()) {
            throw new InvalidInputException("the Rundeck API token is empty", null, List.of());
        }
        if (b.apiVersion < MIN_API_VERSION) {
            throw new InvalidInputException(
                    "API version " + b.apiVersion + " has no job import endpoint; use " + MIN_API_VERSION
                            + " or later (Rundeck 5.4 is " + DEFAULT_API_VERSION + ")",
                    null,
                    List.of());
        }
        requirePositive(b.connectTimeout, "connect timeout");
        requirePositive(b.requestTimeout, "request timeout");
        this.token = b.token.strip();
        this.apiVersion = b.apiVersion;
        this.requestTimeout = b.requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(b.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1 only: no h2c upgrade headers for servers and proxies that mishandle them.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Rundeck base address, without trailing slashes. */
    public URI baseUrl() {
        return base;
    }

    public int apiVersion() {
        return apiVersion;
    }

    /** The endpoint a request goes to, with its {@code fileformat}, {@code dupeOption} and {@code uuidOption}. */
    public URI importUri(ImportRequest request) {
        return URI.create(base + "/api/" + apiVersion + "/project/" + encodeSegment(request.project())
                + "/jobs/import?fileformat=" + request.format() + "&dupeOption=" + request.dupe() + "&uuidOption="
                + request.uuid());
    }

    /**
     * Sends one document and returns what Rundeck did with each of its jobs.
     *
     * @throws ImportRejectedException when Rundeck answers with an HTTP error
     * @throws RetriableException when Rundeck cannot be reached, times out or fails (5xx)
     * @throws InvalidInputException when the format needs a later API version
     */
    public ImportReport send(ImportRequest request) {
        if (request.format().minApiVersion() > apiVersion) {
            throw new InvalidInputException(
                    "the " + request.format() + " format needs API version "
                            + request.format().minApiVersion() + " or later, but version " + apiVersion
                            + " is used; raise the API version",
                    null,
                    List.of());
        }
        URI uri = importUri(request);
        HttpRequest http = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", request.format().contentType())
                .header("Accept", "application/json")
                .header(TOKEN_HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(request.document(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(http, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new RetriableException(
                    "no connection to " + uri + " within " + seconds(client) + "; check the URL"
                            + " and that Rundeck is reachable from here",
                    e);
        } catch (HttpTimeoutException e) {
            throw new RetriableException(
                    "Rundeck at " + uri + " did not answer within " + requestTimeout.toSeconds()
                            + " s; it may still have imported the jobs, so look before trying again",
                    e);
        } catch (ConnectException e) {
            throw new RetriableException(
                    "cannot connect to " + uri + ": " + describe(e, "connection refused")
                            + "; check the URL and that Rundeck is running",
                    e);
        } catch (IOException e) {
            throw new RetriableException(
                    "the connection to " + uri + " failed: " + describe(e, "no answer") + "; try again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableException("interrupted while importing to " + uri, e);
        }
        return HttpAnswers.report(response, uri, request.project(), apiVersion);
    }

    /** Names the server, never the token. */
    @Override
    public String toString() {
        return "RundeckImporter[" + base + ", API " + apiVersion + "]";
    }

    /**
     * Checks and normalizes a Rundeck base address: http or https, a host, no user info, query or
     * fragment, no trailing slash.
     *
     * @throws InvalidInputException saying what is wrong with the address
     */
    public static URI parseBaseUrl(String url) {
        String given = url == null ? "" : url.strip();
        if (given.isEmpty()) {
            throw badUrl("the Rundeck URL is empty; give its base address, e.g. https://rundeck.example.com");
        }
        URI u;
        try {
            u = new URI(given);
        } catch (URISyntaxException e) {
            throw badUrl("URL \"" + given + "\" is not valid: " + e.getReason());
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getRawUserInfo() != null) {
            // Not echoed: the user-info part may hold a password.
            throw badUrl("the Rundeck URL must not contain a user name or password; the API token goes in an"
                    + " environment variable");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw badUrl("URL \"" + given + "\" must start with https:// or http://");
        }
        if (u.getHost() == null) {
            throw badUrl("URL \"" + given + "\" has no host name");
        }
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            throw badUrl("URL \"" + given + "\" must be Rundeck's base address, without ?query or #fragment");
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + u.getRawAuthority() + path);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a name stays one path segment. */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private static InvalidInputException badUrl(String message) {
        return new InvalidInputException(message, null, List.of());
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidInputException(name + " must be positive, was " + d, null, List.of());
        }
    }

    private static String seconds(HttpClient client) {
        return client.connectTimeout().map(d -> d.toSeconds() + " s").orElse("the connect timeout");
    }

    private static String describe(IOException e, String fallback) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }

    /** Builds a {@link RundeckImporter}: API version 48, connect timeout 10 s, request timeout 60 s unless set. */
    public static final class Builder {
        private String url;
        private String token;
        private int apiVersion = DEFAULT_API_VERSION;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);

        private Builder() {}

        /** Rundeck's base address, with its context path if any, e.g. {@code https://example.com/rundeck}. */
        public Builder url(String value) {
            this.url = value;
            return this;
        }

        public Builder token(String value) {
            this.token = value;
            return this;
        }

        public Builder apiVersion(int value) {
            this.apiVersion = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        public RundeckImporter build() {
            return new RundeckImporter(this);
        }
    }
}
