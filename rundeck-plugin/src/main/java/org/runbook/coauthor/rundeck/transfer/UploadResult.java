package org.runbook.coauthor.rundeck.transfer;

/** What an upload stored: size, whole-file SHA-256 (hex) and how many parts it took (1 for a single put). */
record UploadResult(String uri, long size, String sha256Hex, int parts) {}
