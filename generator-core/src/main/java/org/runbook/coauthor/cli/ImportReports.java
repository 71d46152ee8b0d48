package org.runbook.coauthor.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.runbook.coauthor.publish.ImportReport.JobOutcome;
import org.runbook.coauthor.publish.ImportReport.Kind;
import org.runbook.coauthor.validate.report.FindingsFormat;

/** Text and JSON forms of an import run: one line per job, then a summary. */
final class ImportReports {
    private ImportReports() {}

    /**
     * Job and file lines go to {@code out}, the summary to {@code err}.
     *
     * <pre>
     * succeeded  ops/Copy a file to S3  3b6c19f6-…  https://rundeck.example.com/project/ops/job/show/3b6c19f6-…
     * failed     ops/Restart nginx  Workflow must have at least one step
     * </pre>
     */
    static void text(ImportRun run, PrintWriter out, PrintWriter err) {
        List<ImportRun.FileResult> results = run.results();
        for (ImportRun.FileResult r : results) {
            if (results.size() > 1) {
                out.println("== " + r.file());
            }
            switch (r.status()) {
                case IMPORTED -> r.report().jobs().forEach(j -> out.println(line(j)));
                case REFUSED -> out.println(pad(r.status()) + r.file() + "  "
                        + (r.error().isEmpty() ? r.errorFindings() + " error finding(s)" : r.error())
                        + "; nothing was sent");
                default -> out.println(pad(r.status()) + r.file() + "  " + r.error());
            }
        }
        Map<String, Long> s = summary(run);
        err.printf(
                "%d file(s) for %s project \"%s\": %d job(s) succeeded, %d failed, %d skipped; %d file(s) refused,"
                        + " %d not imported%n",
                results.size(),
                run.importer().baseUrl(),
                run.project(),
                s.get("succeeded"),
                s.get("failed"),
                s.get("skipped"),
                s.get("refused"),
                s.get("notImported"));
        out.flush();
        err.flush();
    }

    static Map<String, Object> json(ImportRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", run.importer().baseUrl().toString());
        m.put("project", run.project());
        m.put("apiVersion", run.importer().apiVersion());
        m.put("ok", run.ok());
        m.put("files", run.results().stream().map(ImportReports::file).toList());
        m.put("summary", summary(run));
        return m;
    }

    static String line(JobOutcome j) {
        return switch (j.kind()) {
            case SUCCEEDED -> pad(j.kind()) + j.path() + "  " + j.id() + "  " + j.permalink();
            default -> pad(j.kind()) + j.path() + "  " + j.error().strip().replaceAll("\\s*\\R\\s*", "; ");
        };
    }

    private static Map<String, Object> file(ImportRun.FileResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.file());
        m.put("status", r.status().toString());
        m.put("findings", r.findings().stream().map(FindingsFormat::fields).toList());
        if (!r.error().isEmpty()) {
            m.put("error", r.error());
        }
        if (r.report() != null) {
            m.put("jobs", r.report().jobs().stream().map(ImportReports::job).toList());
        }
        return m;
    }

    private static Map<String, Object> job(JobOutcome j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", j.kind().toString());
        m.put("index", j.index());
        m.put("name", j.name());
        m.put("group", j.group());
        m.put("id", j.id());
        m.put("permalink", j.permalink());
        m.put("error", j.error());
        return m;
    }

    private static Map<String, Long> summary(ImportRun run) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            m.put(
                    kind.toString(),
                    run.results().stream()
                            .map(ImportRun.FileResult::report)
                            .filter(java.util.Objects::nonNull)
                            .mapToLong(report -> report.count(kind))
                            .sum());
        }
        m.put("refused", count(run, ImportRun.Status.REFUSED));
        m.put("notImported", count(run, ImportRun.Status.FAILED) + count(run, ImportRun.Status.NOT_SENT));
        return m;
    }

    private static long count(ImportRun run, ImportRun.Status status) {
        return run.results().stream().filter(r -> r.status() == status).count();
    }

    private static String pad(Object kind) {
        return String.format("%-9s  ", kind);
    }
}
