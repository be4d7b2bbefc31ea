package org.blkflow.scenario;

import java.util.List;

/**
 * A whole simulation, as a user describes it: the machine, the device and the workload. Together
 * with its seed it determines the transition stream exactly.
 *
 * @param mode       "mq" (blk-mq), "sq" (the legacy request_fn queue) or "bio" (make_request only)
 * @param mapping    null for the kernel's default CPU→hctx map, else the hctx of each CPU
 * @param scheduler  the legacy queue's elevator: "noop", "deadline" or "cfq" (mode "sq" only)
 * @param nrRequests the legacy queue's nr_requests per direction (128)
 * @param costs      CPU time per step; {@link Costs#ZERO} makes only the device take time
 * @param smt        hardware threads per core; siblings are numbered as x86 Linux does, CPU i and
 *                   CPU i + cpus/smt sharing a core, and the kernel's CPU map keeps them together
 */
public record Scenario(
        String name,
        long seed,
        String mode,
        int cpus,
        int hwQueues,
        int queueDepth,
        int reservedTags,
        List<Integer> mapping,
        boolean merging,
        Device device,
        List<Job> jobs,
        String scheduler,
        int nrRequests,
        Costs costs,
        int smt) {

    public static final String DEFAULT_SCHEDULER = "noop";
    public static final int DEFAULT_NR_REQUESTS = 128;

    public Scenario {
        mapping = mapping == null ? null : List.copyOf(mapping);
        jobs = List.copyOf(jobs);
    }

    /** Without SMT: every CPU is a core of its own. */
    public Scenario(String name, long seed, String mode, int cpus, int hwQueues, int queueDepth, int reservedTags,
                    List<Integer> mapping, boolean merging, Device device, List<Job> jobs, String scheduler,
                    int nrRequests, Costs costs) {
        this(name, seed, mode, cpus, hwQueues, queueDepth, reservedTags, mapping, merging, device, jobs, scheduler,
                nrRequests, costs, 1);
    }

    /** The first CPU of each CPU's core: the topology the kernel's default map reads. */
    public int[] firstSiblings() {
        int cores = cpus / smt;
        int[] first = new int[cpus];
        for (int cpu = 0; cpu < cpus; cpu++) first[cpu] = cpu % cores;
        return first;
    }

    /** A blk-mq scenario as it was before legacy modes and CPU costs: free CPUs, noop, 128 requests. */
    public Scenario(String name, long seed, String mode, int cpus, int hwQueues, int queueDepth, int reservedTags,
                    List<Integer> mapping, boolean merging, Device device, List<Job> jobs) {
        this(name, seed, mode, cpus, hwQueues, queueDepth, reservedTags, mapping, merging, device, jobs,
                DEFAULT_SCHEDULER, DEFAULT_NR_REQUESTS, Costs.ZERO);
    }

    public boolean kernelMapping() {
        return mapping == null;
    }
}
