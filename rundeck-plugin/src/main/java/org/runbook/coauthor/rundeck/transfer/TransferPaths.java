package org.runbook.coauthor.rundeck.transfer;

/** Path arithmetic on node paths and object keys, which always use '/'. */
final class TransferPaths {
    private TransferPaths() {}

    /** The last segment of a path or key ("logs/a.txt" gives "a.txt"). */
    static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The object key for an upload: blank means the file name, a trailing '/' is a prefix for it. */
    static String objectKey(String key, String sourcePath) {
        if (key == null || key.isBlank()) {
            return fileName(sourcePath);
        }
        String trimmed = key.trim();
        return trimmed.endsWith("/") ? trimmed + fileName(sourcePath) : trimmed;
    }

    /**
     * A hidden name in the destination's directory: the same file system, so the final rename is
     * atomic, and hidden, so a consumer globbing the directory never picks up a half-written file.
     */
    static String tempSibling(String destination, String unique) {
        int slash = destination.lastIndexOf('/');
        String dir = destination.substring(0, slash + 1);
        return dir + "." + destination.substring(slash + 1) + "." + unique + ".coauthor-part";
    }
}
