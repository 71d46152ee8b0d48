package org.runbook.coauthor.rundeck.transfer;

import java.io.IOException;
import java.io.InputStream;

/** A file on a node read over SFTP; a failed or short read is a dropped link unless the link still answers. */
final class NodeByteSource implements ByteSource {
    private final NodeSftp node;
    private final String nodeName;
    private final String path;
    private final long size;
    private final InputStream stream;

    NodeByteSource(NodeSftp node, String nodeName, String path, long size, InputStream stream) {
        this.node = node;
        this.nodeName = nodeName;
        this.path = path;
        this.size = size;
        this.stream = stream;
    }

    @Override
    public InputStream stream() {
        return stream;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public TransferException readFailed(IOException cause, long bytesRead) {
        if (!node.probe(path)) {
            return node.dropped("reading \"" + path + "\" after " + bytesRead + " of " + size + " bytes", cause);
        }
        return new TransferException(
                TransferFailure.RemoteFileFailed,
                "reading \"" + path + "\" on node \"" + nodeName + "\" failed after " + bytesRead + " of " + size
                        + " bytes: " + cause.getMessage()
                        + "; nothing was stored, check the file and run the step again",
                cause);
    }

    @Override
    public TransferException sizeChanged(long bytesRead, boolean longer) {
        if (!longer && !node.probe(path)) {
            return node.dropped("reading \"" + path + "\" after " + bytesRead + " of " + size + " bytes", null);
        }
        return new TransferException(
                TransferFailure.ChecksumMismatch,
                "\"" + path + "\" on node \"" + nodeName + "\" changed while it was read (" + size
                        + " bytes when the transfer started, " + (longer ? "more" : "only " + bytesRead)
                        + " when read); nothing was stored, run the step again once the file is complete");
    }
}
