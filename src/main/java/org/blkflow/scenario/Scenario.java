package org.blkflow.scenario;

import java.util.List;

/**
 * A whole simulation, as a user describes it: the machine, the device and the workload. Together
 * with its seed it determines the transition stream exactly. Each component is declared once in
 * {@link ScenarioFields} (its JSON name, link key, default and range); build one from a
 * {@link ScenarioDraft}.
 *
 * @param mode       blk-mq, the legacy request_fn queue or make_request only
 * @param mapping    null for the kernel's default CPU→hctx map, else the hctx of each CPU
 * @param scheduler  3.16: the legacy queue's elevator (mode sq only); 7.0: the blk-mq scheduler
 * @param nrRequests the legacy queue's nr_requests per direction (128)
 * @param costs      CPU time per step; {@link Costs#ZERO} makes only the device take time
 * @param smt        hardware threads per core; siblings are numbered as x86 Linux does, CPU i and
 *                   CPU i + cpus/smt sharing a core, and the kernel's CPU map keeps them together
 * @param kernel     3.16 (blk-mq as it was new) or 7.0 (today's blk-mq: every bio plugged, mq-deadline,
 *                   scheduler and driver tags, group_cpus_evenly)
 * @param numaNodes  7.0 only: the CPUs of each NUMA node, or null for one node holding every CPU
 */
public record Scenario(
        String name,
        long seed,
        Mode mode,
        int cpus,
        int hwQueues,
        int queueDepth,
        int reservedTags,
        List<Integer> mapping,
        boolean merging,
        Device device,
        List<Job> jobs,
        Scheduler scheduler,
        int nrRequests,
        Costs costs,
        int smt,
        Kernel kernel,
        List<List<Integer>> numaNodes) {

    public Scenario {
        mapping = mapping == null ? null : List.copyOf(mapping);
        jobs = List.copyOf(jobs);
        numaNodes = numaNodes == null ? null : numaNodes.stream().map(List::copyOf).toList();
    }

    /** Whether this is the Linux 7.0 model rather than 3.16's. */
    public boolean modern() {
        return kernel == Kernel.V7_0;
    }

    /** The NUMA node of each CPU: all 0 unless numaNodes says otherwise (CPUs it leaves out stay on 0). */
    public int[] nodeOfCpu() {
        int[] node = new int[Math.max(0, cpus)];
        if (numaNodes == null) return node;
        for (int n = 0; n < numaNodes.size(); n++) {
            for (int cpu : numaNodes.get(n)) {
                if (cpu >= 0 && cpu < node.length) node[cpu] = n;
            }
        }
        return node;
    }

    /** How many NUMA nodes the machine has. */
    public int nodes() {
        return numaNodes == null ? 1 : numaNodes.size();
    }

    /** The first CPU of each CPU's core: the topology the kernel's default map reads. */
    public int[] firstSiblings() {
        int cores = cpus / smt;
        int[] first = new int[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) first[cpu] = cpu % cores;
        return first;
    }

    public boolean kernelMapping() {
        return mapping == null;
    }
}
