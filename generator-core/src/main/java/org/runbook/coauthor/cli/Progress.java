package org.runbook.coauthor.cli;

import java.io.PrintWriter;
import org.runbook.coauthor.batch.BatchOutcome;
import org.runbook.coauthor.batch.BatchRunner;

/** A progress bar on a terminal, one plain line per entry otherwise (CI logs, pipes). */
final class Progress implements BatchRunner.Listener {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final boolean terminal;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void finished(int done, int total, BatchOutcome o) {
        String status = o.result() == null ? "error" : o.result().status().toString();
        if (terminal) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            err.printf(
                    "\r[%s%s] %d/%d %-24s",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    done,
                    total,
                    o.entry().id() + " " + status);
            if (done == total) {
                err.println();
            }
        } else {
            err.printf(
                    "%d/%d %s %s %d ms%s%n",
                    done, total, o.entry().id(), status, o.millis(), o.error() != null ? ": " + o.error() : "");
        }
        err.flush();
    }
}
