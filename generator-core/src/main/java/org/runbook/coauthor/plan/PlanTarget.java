package org.runbook.coauthor.plan;

/**
 * Where the runbook runs. {@code nodes} is null when every step runs on the server.
 *
 * @param threadcount how many nodes are worked on at once (1 = rolling, one node at a time)
 * @param keepgoing whether to continue on other nodes after one fails
 */
public record PlanTarget(RunOn runOn, NodeSelector nodes, int threadcount, boolean keepgoing) {
    public PlanTarget {
        Require.notNull(runOn, "runOn");
        if (runOn == RunOn.NODES && nodes == null) {
            throw new IllegalArgumentException("a plan that runs on nodes needs a node selector");
        }
        if (threadcount < 1) {
            throw new IllegalArgumentException("threadcount must be at least 1, was " + threadcount);
        }
    }

    public static PlanTarget server() {
        return new PlanTarget(RunOn.SERVER, null, 1, false);
    }

    public static PlanTarget nodes(NodeSelector selector, int threadcount) {
        return new PlanTarget(RunOn.NODES, selector, threadcount, false);
    }
}
