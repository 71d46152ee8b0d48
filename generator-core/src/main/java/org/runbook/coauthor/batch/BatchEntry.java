package org.runbook.coauthor.batch;

import java.util.Map;
import org.runbook.coauthor.plan.Target;

/**
 * One request of a batch file (the format of {@code dev-requests.yaml}).
 *
 * <pre>{@code
 * - id: dt-01
 *   category: Data Transfers
 *   target: rundeck
 *   request: Copy a file from a node to S3 ...
 *   expect: {options: [host, file, bucket], steps: ['s3']}
 * }</pre>
 *
 * @param expect the scoring expectations, or an empty map; batch ignores them, eval scores them
 */
public record BatchEntry(String id, String category, Target target, String request, Map<String, Object> expect) {
    public BatchEntry {
        expect = expect == null ? Map.of() : Map.copyOf(expect);
    }
}
