package org.runbook.coauthor.rundeck.transfer;

import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes to upload as read from the node, with the size its stat announced and the way to explain
 * a read that failed or did not match that size (a dropped link, or a file that changed meanwhile).
 */
interface ByteSource {
    InputStream stream();

    long size();

    TransferException readFailed(IOException cause, long bytesRead);

    TransferException sizeChanged(long bytesRead, boolean longer);
}
