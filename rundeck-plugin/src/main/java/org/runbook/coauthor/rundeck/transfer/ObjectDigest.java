package org.runbook.coauthor.rundeck.transfer;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;

/**
 * The SHA-256 checksum S3 reports for an object, computed from its bytes as they stream by: the
 * plain digest for a single put, or for a multipart object the digest of the part digests followed
 * by "-N" (S3's composite form), given the part size (all parts but the last have that size).
 */
final class ObjectDigest {
    private final MessageDigest whole = Sha256.newDigest();
    private final long partSize;
    private final ByteArrayOutputStream partDigests = new ByteArrayOutputStream();
    private MessageDigest part = Sha256.newDigest();
    private long inPart;
    private int parts;

    /** @param partSize 0 for a single-put object */
    ObjectDigest(long partSize) {
        this.partSize = partSize;
    }

    void update(byte[] bytes, int offset, int length) {
        whole.update(bytes, offset, length);
        if (partSize <= 0) {
            return;
        }
        int at = offset;
        int left = length;
        while (left > 0) {
            int n = (int) Math.min(left, partSize - inPart);
            part.update(bytes, at, n);
            inPart += n;
            at += n;
            left -= n;
            if (inPart == partSize) {
                closePart();
            }
        }
    }

    private void closePart() {
        partDigests.writeBytes(part.digest());
        part = Sha256.newDigest();
        inPart = 0;
        parts++;
    }

    /** Call once, after the last byte: the hex digest for the log and the value S3 reports as ChecksumSHA256. */
    Finished finish() {
        byte[] digest = whole.digest();
        if (partSize <= 0) {
            return new Finished(Sha256.hex(digest), Sha256.base64(digest));
        }
        if (inPart > 0) {
            closePart();
        }
        String composite = Sha256.base64(Sha256.newDigest().digest(partDigests.toByteArray())) + "-" + parts;
        return new Finished(Sha256.hex(digest), composite);
    }

    record Finished(String hex, String s3Checksum) {}
}
