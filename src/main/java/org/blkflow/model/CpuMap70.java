package org.blkflow.model;

import java.util.BitSet;

/**
 * The CPU → hardware queue map of 7.0 (block/blk-mq-cpumap.c): blk_mq_map_queues() asks
 * group_cpus_evenly() for one CPU group per queue and gives queue q the CPUs of group
 * q mod nr_masks, later queues overwriting earlier ones. Topology: SMT siblings as x86 Linux numbers
 * them (CPU i and i + cpus/smt), and each CPU's cluster is its SMT siblings (x86's L2 mask) — a
 * modelling choice, since topology_cluster_cpumask depends on the machine.
 */
final class CpuMap70 {

    private CpuMap70() {
    }

    /**
     * @param nodeOfCpu    the NUMA node of each CPU
     * @param firstSibling the lowest-numbered CPU of each CPU's core
     */
    static int[] mapQueues(int nrQueues, int[] nodeOfCpu, int[] firstSibling) {
        int cpus = nodeOfCpu.length;
        int nodes = 0;
        for (int n : nodeOfCpu) nodes = Math.max(nodes, n + 1);
        BitSet[] nodeCpus = new BitSet[nodes];
        for (int n = 0; n < nodes; n++) nodeCpus[n] = new BitSet();
        BitSet[] siblings = new BitSet[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) {
            nodeCpus[nodeOfCpu[cpu]].set(cpu);
            siblings[cpu] = new BitSet();
            for (int other = 0; other < cpus; other++) {
                if (firstSibling[other] == firstSibling[cpu]) siblings[cpu].set(other);
            }
        }
        BitSet[] masks = GroupCpus.evenly(nrQueues, nodeCpus, siblings, siblings);
        int[] map = new int[cpus];
        for (int queue = 0; queue < nrQueues; queue++) {
            BitSet mask = masks[queue % masks.length];
            for (int cpu = mask.nextSetBit(0); cpu >= 0; cpu = mask.nextSetBit(cpu + 1)) map[cpu] = queue;
        }
        return map;
    }
}
