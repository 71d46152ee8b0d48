package org.runbook.coauthor.rundeck.transfer;

import java.net.URI;

/**
 * The object a transfer reads or writes and how to reach its store. Holds the secret key, so
 * {@link #toString()} leaves it out. A blank {@code accessKeyId} means the default AWS provider chain.
 */
record S3Target(
        String bucket,
        String key,
        String region,
        URI endpoint,
        String accessKeyId,
        String secretAccessKey,
        int connectTimeoutMillis) {

    String uri() {
        return "s3://" + bucket + "/" + key;
    }

    String where() {
        return endpoint == null ? uri() : uri() + " at " + endpoint;
    }

    boolean hasStaticCredentials() {
        return accessKeyId != null && !accessKeyId.isEmpty();
    }

    @Override
    public String toString() {
        return "S3Target[" + where() + ", region=" + region + ", staticCredentials=" + hasStaticCredentials() + "]";
    }
}
