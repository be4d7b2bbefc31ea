package org.blkflow.scenario;

import java.util.List;

/**
 * The rules of the kernel switch: what a Linux 7.0 scenario may ask for (blk-mq only, its own I/O
 * schedulers, null_blk), and the NUMA nodes that only 7.0's CPU map reads.
 */
final class ModernRules {


    private ModernRules() {
    }

    static void check(Scenario s, ProblemList p) {
        if (s.kernel() == null) return;
        checkPolling(s, p);
        if (!s.modern()) {
            if (s.numaNodes() != null) {
                p.add("numaNodes", s.numaNodes(), "needs kernel \"7.0\" (3.16's CPU map does not read NUMA nodes)");
            }
            return;
        }
        if (s.mode() != null && s.mode() != Mode.MQ) {
            p.add("mode", s.mode(), "must be \"mq\" with kernel \"7.0\": the legacy request queue was removed in "
                    + "Linux 5.0 and null_blk's bio-based mode is not modelled for 7.0");
        }
        List<Scheduler> modelled = Scheduler.of(Kernel.V7_0);
        if (s.scheduler() != null && !s.scheduler().offered()) {
            p.add("scheduler", s.scheduler(), "is not modelled yet for kernel \"7.0\"; must be one of "
                    + Label.list(modelled));
        } else if (s.scheduler() != null && !modelled.contains(s.scheduler())) {
            p.add("scheduler", s.scheduler(), "must be one of " + Label.list(modelled));
        }
        if (s.device() != null && s.device().driver() != null && s.device().driver() != Driver.NULL_BLK) {
            p.add("device.driver", s.device().driver(), "must be \"null_blk\" with kernel \"7.0\" "
                    + "(xen-blkfront is modelled as 3.16 had it)");
        }
        checkNodes(s, p);
    }

    /**
     * Poll queues and io_uring are 7.0's (io_uring came in 5.1, poll queues in 5.0); hipri is
     * io_uring's.
     */
    private static void checkPolling(Scenario s, ProblemList p) {
        Device d = s.device();
        if (!s.modern() && d != null) {
            if (d.pollQueues() > 0) p.add("device.pollQueues", d.pollQueues(), "must be 0 with kernel \"3.16\" "
                    + "(poll queues came in Linux 5.0); kernel \"7.0\" allows 0-" + ScenarioValidator.MAX_HW_QUEUES);
            if (d.budget() > 0) p.add("device.budget", d.budget(), "must be 0 with kernel \"3.16\" "
                    + "(the dispatch budget came in Linux 4.19); kernel \"7.0\" allows 0-" + ScenarioValidator.MAX_QUEUE_DEPTH);
            if (d.requeueEvery() > 0) p.add("device.requeueEvery", d.requeueEvery(), "must be 0 with kernel \"3.16\" "
                    + "(null_blk's requeue injection is modelled for 7.0); kernel \"7.0\" allows 0 or 2-"
                    + ScenarioValidator.MAX_REQUEUE_EVERY);
        }
        // A device with slots is the model's own, not null_blk: its BLK_STS_RESOURCE and the injected
        // requeues would feed each other at one instant (the requeue work runs the queue at once).
        if (s.modern() && d != null && d.requeueEvery() > 0 && d.slots() > 0) p.add("device.requeueEvery",
                d.requeueEvery(), "must be 0 with device.slots > 0: the injection is null_blk's, and null_blk "
                + "never runs out of room");
        // should_fail() with interval 1 refuses every call: each retry of a requeued command is refused again.
        if (s.modern() && d != null && d.requeueEvery() == 1) p.add("device.requeueEvery", 1, "must be 0 or 2-"
                + ScenarioValidator.MAX_REQUEUE_EVERY + ": requeue=1,100,0,-1 refuses every queue_rq, so no command "
                + "ever completes");
        for (int i = 0; s.jobs() != null && i < s.jobs().size(); i++) {
            Job j = s.jobs().get(i);
            if (j == null) continue;
            if (!s.modern() && j.ioengine() == IoEngine.IO_URING) p.add("jobs[" + i + "].ioengine", j.ioengine(),
                    "needs kernel \"7.0\" (io_uring came in Linux 5.1); with \"3.16\" must be one of sync, libaio");
            if (j.hipri() && j.ioengine() != IoEngine.IO_URING) p.add("jobs[" + i + "].hipri", true,
                    "needs ioengine \"io_uring\" (polled I/O is io_uring's)");
            // Out of its own range it is named by its range alone.
            boolean batch = j.iodepthBatch() > 0 && j.iodepthBatch() <= Job.MAX_IODEPTH_BATCH;
            if (batch && (!s.modern() || j.ioengine() != IoEngine.IO_URING)) {
                p.add("jobs[" + i + "].iodepthBatch", j.iodepthBatch(), "needs kernel \"7.0\" and ioengine "
                        + "\"io_uring\" (io_uring's plug of nr_ios, 7.0's cached requests); otherwise must be 0");
            }
        }
    }

    /** Every CPU on exactly one node, and SMT siblings on the same node, as real topologies have them. */
    private static void checkNodes(Scenario s, ProblemList p) {
        List<List<Integer>> nodes = s.numaNodes();
        if (nodes == null || s.cpus() < 1 || s.cpus() > ScenarioValidator.MAX_CPUS) return;
        if (nodes.isEmpty() || nodes.size() > s.cpus()) {
            p.add("numaNodes", nodes.size() + " nodes", "must list between 1 and cpus = " + s.cpus() + " nodes");
            return;
        }
        int[] node = new int[s.cpus()];
        java.util.Arrays.fill(node, -1);
        for (int n = 0; n < nodes.size(); n++) {
            if (nodes.get(n).isEmpty()) p.add("numaNodes[" + n + "]", "", "must hold at least one CPU");
            for (int cpu : nodes.get(n)) {
                if (cpu < 0 || cpu >= s.cpus()) {
                    p.add("numaNodes[" + n + "]", cpu, "must hold CPUs between 0 and " + (s.cpus() - 1));
                } else if (node[cpu] >= 0) {
                    p.add("numaNodes[" + n + "]", cpu, "CPU " + cpu + " is already on node " + node[cpu]);
                } else {
                    node[cpu] = n;
                }
            }
        }
        for (int cpu = 0; cpu < s.cpus(); cpu++) {
            if (node[cpu] < 0) p.add("numaNodes", "cpu " + cpu, "must put every CPU on a node; CPU " + cpu + " is on none");
        }
        if (!p.isEmpty() || s.smt() < 1 || s.cpus() % s.smt() != 0) return;
        int[] first = s.firstSiblings();
        for (int cpu = 0; cpu < s.cpus(); cpu++) {
            if (node[cpu] != node[first[cpu]]) {
                p.add("numaNodes", "cpu " + cpu, "CPU " + cpu + " and its SMT sibling " + first[cpu]
                        + " must be on the same node (smt = " + s.smt() + ")");
                return;
            }
        }
    }
}
