package org.runbook.coauthor.rundeck.transfer;

import com.dtolabs.rundeck.core.Constants;
import com.dtolabs.rundeck.plugins.PluginLogger;
import java.util.Locale;

/** Logs progress at normal level each time another tenth of the bytes, or another 256 MB, has moved. */
final class TransferProgress {
    private static final long BYTES_STEP = 256L * 1024 * 1024;

    private final PluginLogger logger;
    private final String label;
    private final long total;
    private long done;
    private long lastLogged;

    TransferProgress(PluginLogger logger, String label, long total) {
        this.logger = logger;
        this.label = label;
        this.total = total;
    }

    void advance(long bytes) {
        done += bytes;
        long tenthNow = total == 0 ? 10 : done * 10 / total;
        long tenthBefore = total == 0 ? 10 : lastLogged * 10 / total;
        if (tenthNow > tenthBefore || done - lastLogged >= BYTES_STEP) {
            lastLogged = done;
            logger.log(
                    Constants.INFO_LEVEL,
                    String.format(
                            Locale.ROOT,
                            "%s: %s of %s (%d%%)",
                            label,
                            human(done),
                            human(total),
                            total == 0 ? 100 : done * 100 / total));
        }
    }

    static String human(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
