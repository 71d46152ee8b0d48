package org.runbook.coauthor.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.runbook.coauthor.error.CoauthorException;
import org.runbook.coauthor.error.InvalidInputException;
import org.runbook.coauthor.publish.ImportRejectedException;
import org.runbook.coauthor.publish.ImportReport;
import org.runbook.coauthor.publish.JobFormat;
import org.runbook.coauthor.publish.RundeckImporter;
import org.runbook.coauthor.validate.Finding;

/**
 * Sends checked job documents to Rundeck one at a time and keeps what happened to each: the part
 * {@code import} and {@code generate --import} share. A document with an error finding is refused
 * and never sent; after a failure that every later file would hit too (token, URL, network), the
 * remaining files are not sent.
 */
final class ImportRun {
    enum Status {
        IMPORTED,
        REFUSED,
        FAILED,
        NOT_SENT;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One file's outcome.
     *
     * @param report Rundeck's report when the file was imported, else null
     * @param error why the file was not imported, else {@code ""}
     */
    record FileResult(String file, Status status, List<Finding> findings, ImportReport report, String error) {
        FileResult {
            findings = List.copyOf(findings);
            error = error == null ? "" : error;
        }

        boolean ok() {
            return status == Status.IMPORTED && report.ok();
        }

        long errorFindings() {
            return findings.stream().filter(Finding::isError).count();
        }
    }

    private final RundeckImporter importer;
    private final ImportOptions options;
    private final List<FileResult> results = new ArrayList<>();
    private String stoppedBy;

    ImportRun(RundeckImporter importer, ImportOptions options) {
        this.importer = importer;
        this.options = options;
    }

    /** Refuses the document when a finding is an error; otherwise sends it. */
    FileResult submit(String file, String text, JobFormat format, List<Finding> findings) {
        FileResult result;
        if (findings.stream().anyMatch(Finding::isError)) {
            result = new FileResult(file, Status.REFUSED, findings, null, "");
        } else if (stoppedBy != null) {
            result = new FileResult(
                    file, Status.NOT_SENT, findings, null, "not sent after an earlier file's import failed");
        } else {
            result = send(file, text, format, findings);
        }
        results.add(result);
        return result;
    }

    /** Records a document that is not sent for a reason other than its findings (e.g. a failed generation). */
    FileResult refuse(String file, List<Finding> findings, String why) {
        FileResult result = new FileResult(file, Status.REFUSED, findings, null, why);
        results.add(result);
        return result;
    }

    List<FileResult> results() {
        return List.copyOf(results);
    }

    boolean ok() {
        return results.stream().allMatch(FileResult::ok);
    }

    String project() {
        return options.project;
    }

    RundeckImporter importer() {
        return importer;
    }

    /** A warning when the token would cross the network unencrypted. */
    Optional<String> plainHttpWarning() {
        var url = importer.baseUrl();
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        if (url.getScheme().equals("http") && !loopback) {
            return Optional.of("warning: the API token is sent unencrypted to " + url + "; use https");
        }
        return Optional.empty();
    }

    private FileResult send(String file, String text, JobFormat format, List<Finding> findings) {
        try {
            ImportReport report = importer.send(options.request(text, format));
            return new FileResult(file, Status.IMPORTED, findings, report, "");
        } catch (InvalidInputException e) {
            throw e;
        } catch (ImportRejectedException e) {
            String message = e.getMessage();
            if (e.isAuthFailure()) {
                message += " (the token is read from $" + options.tokenEnv.strip() + ")";
            }
            if (e.isAuthFailure() || e.status() == 404 || (e.status() >= 300 && e.status() < 400)) {
                stoppedBy = message;
            }
            return new FileResult(file, Status.FAILED, findings, null, message);
        } catch (CoauthorException e) {
            // Network failure, a 5xx, or an answer that is not an import report: later files would meet it too.
            stoppedBy = e.getMessage();
            return new FileResult(file, Status.FAILED, findings, null, e.getMessage());
        }
    }
}
