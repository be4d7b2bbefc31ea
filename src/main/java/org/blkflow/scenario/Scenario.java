package org.blkflow.scenario;

import java.util.List;

/**
 * A whole simulation, as a user describes it: the machine, the device and the workload. Together
 * with its seed it determines the transition stream exactly.
 *
 * @param mode     "mq" (blk-mq); "sq" and "bio" arrive with the legacy interfaces
 * @param mapping  null for the kernel's default CPU→hctx map, else the hctx of each CPU
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
        List<Job> jobs) {

    public Scenario {
        mapping = mapping == null ? null : List.copyOf(mapping);
        jobs = List.copyOf(jobs);
    }

    public boolean kernelMapping() {
        return mapping == null;
    }
}
