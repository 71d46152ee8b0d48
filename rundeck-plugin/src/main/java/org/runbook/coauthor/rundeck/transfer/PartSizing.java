package org.runbook.coauthor.rundeck.transfer;

/**
 * When to switch to multipart and how big each part is. Both are buffered in memory, so both are
 * bounded; S3 needs parts of at least 5 MiB (except the last).
 */
record PartSizing(long thresholdBytes, int partSizeBytes) {
    static final int MIB = 1024 * 1024;
    static final int MIN_PART_MB = 5;
    static final int MAX_MB = 512;
    static final int DEFAULT_THRESHOLD_MB = 16;
    static final int DEFAULT_PART_MB = 8;

    static PartSizing ofMegabytes(int thresholdMb, int partMb) {
        if (thresholdMb < 1 || thresholdMb > MAX_MB) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: multipartThresholdMb is " + thresholdMb + "; expected 1 to " + MAX_MB);
        }
        if (partMb < MIN_PART_MB || partMb > MAX_MB) {
            throw new TransferException(
                    TransferFailure.ConfigurationError,
                    "Configuration invalid: partSizeMb is " + partMb + "; S3 needs " + MIN_PART_MB + " to " + MAX_MB
                            + " here");
        }
        return new PartSizing((long) thresholdMb * MIB, partMb * MIB);
    }
}
