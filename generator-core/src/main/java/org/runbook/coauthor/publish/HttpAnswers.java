package org.runbook.coauthor.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import org.runbook.coauthor.error.RetriableException;

/** Turns Rundeck's answer to an import call into a report or into an exception that says what to fix. */
final class HttpAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpAnswers() {}

    static ImportReport report(HttpResponse<String> response, URI uri, String project, int apiVersion) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        String reason = reason(body);
        if (status >= 200 && status < 300) {
            if (isErrorBody(body)) {
                throw new ImportRejectedException(
                        "Rundeck rejected the import (HTTP " + status + "): " + reason, status, reason);
            }
            return ImportReport.parse(body);
        }
        String said = reason.isEmpty() ? "" : ": " + reason;
        if (status >= 300 && status < 400) {
            String location = response.headers().firstValue("Location").orElse("(no Location header)");
            throw new ImportRejectedException(
                    "Rundeck answered HTTP " + status + " with a redirect to " + location + "; use that address as the"
                            + " URL (redirects are not followed, so the token never goes to another host)",
                    status,
                    reason);
        }
        throw switch (status) {
            case 401, 403 -> new ImportRejectedException(
                    "Rundeck refused the API token (HTTP " + status + said + "); check that the token is valid and"
                            + " may create and update jobs in project \"" + project + "\"",
                    status,
                    reason);
            case 404 -> new ImportRejectedException(
                    "nothing answers at " + uri + " (HTTP 404" + said + "); check the Rundeck base URL, the project"
                            + " name \"" + project + "\" and the API version " + apiVersion + " (Rundeck 5.4 uses "
                            + RundeckImporter.DEFAULT_API_VERSION + ")",
                    status,
                    reason);
            case 415 -> new ImportRejectedException(
                    "Rundeck does not accept this job format (HTTP 415" + said + ")", status, reason);
            case 400 -> new ImportRejectedException(
                    "Rundeck rejected the import (HTTP 400" + said + ")"
                            + (reason.contains("API Version") ? "; pass an API version your Rundeck supports" : ""),
                    status,
                    reason);
            case 408, 429, 500, 502, 503, 504 -> new RetriableException(
                    "Rundeck at " + uri + " failed with HTTP " + status + said + "; try again later", null);
            default -> new ImportRejectedException(
                    "unexpected answer HTTP " + status + " from " + uri + said, status, reason);
        };
    }

    /** Rundeck's {@code message} from an error body, or the start of a plain-text body; never HTML. */
    static String reason(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("<")) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            if (node != null && node.isObject()) {
                JsonNode message = node.get("message");
                return message == null || message.isNull() ? "" : ImportReport.snippet(message.asText());
            }
        } catch (JsonProcessingException e) {
            // Not JSON: a proxy's or servlet container's plain-text page.
        }
        return ImportReport.snippet(trimmed);
    }

    private static boolean isErrorBody(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.path("error").asBoolean(false);
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
