package org.blkflow.model;

/**
 * The CPU → hardware queue map of 3.16's blk_mq_update_queue_map() (blk-mq-cpumap.c), the default
 * that q->mq_map holds unless the driver supplies its own.
 */
final class CpuMap {

    private CpuMap() {}

    /**
     * @param firstSibling for each CPU, the lowest-numbered CPU of its core (itself without SMT)
     * @param online       which CPUs are online; offline CPUs map to hctx 0
     */
    static int[] kernel316(int nrQueues, int[] firstSibling, boolean[] online) {
        int cpus = firstSibling.length;
        int nrCpus = 0;
        int nrUniq = 0;
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (!online[cpu]) continue;
            nrCpus++;
            if (firstSibling[cpu] == cpu) nrUniq++;
        }
        boolean smt = nrUniq < nrCpus;
        int[] map = new int[cpus];
        int queue = 0;
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (!online[cpu]) {
                map[cpu] = 0;
                continue;
            }
            if (nrQueues >= nrCpus || !smt) {
                map[cpu] = queueIndex(nrCpus, nrQueues, queue);
                queue++;
                continue;
            }
            if (firstSibling[cpu] == cpu) {
                map[cpu] = queueIndex(nrUniq, nrQueues, queue);
                queue++;
            } else {
                map[cpu] = map[firstSibling[cpu]];
            }
        }
        return map;
    }

    /** The common case: every CPU online, no SMT siblings. */
    static int[] kernel316(int nrQueues, int cpus) {
        int[] firstSibling = new int[cpus];
        boolean[] online = new boolean[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            firstSibling[cpu] = cpu;
            online[cpu] = true;
        }
        return kernel316(nrQueues, firstSibling, online);
    }

    /** cpu_to_queue_index(): consecutive runs of ceil(cpus / queues) CPUs share a queue. */
    private static int queueIndex(int nrCpus, int nrQueues, int rank) {
        return rank / ((nrCpus + nrQueues - 1) / nrQueues);
    }
}
