package org.blkflow.model;

import org.blkflow.scenario.Scenario;

/**
 * The POLL map of 7.0 (null_map_queues() for HCTX_TYPE_POLL): blk_mq_map_queues over poll_queues,
 * offset by the submit queues, so a CPU's polled bios go to the hctx named here. One place computes
 * it, for the model's POLL-side software queues and for the figure that draws the map.
 */
public final class PollQueueMap {

    private PollQueueMap() {
    }

    /** Each CPU's poll hctx, or null when the scenario has no poll queues. */
    public static int[] of(Scenario scenario) {
        int pollQueues = scenario.modern() && scenario.device() != null ? scenario.device().pollQueues() : 0;
        if (pollQueues == 0) return null;
        int[] map = CpuMap70.mapQueues(pollQueues, scenario.nodeOfCpu(), scenario.firstSiblings());
        for (int cpu = 0; cpu < map.length; cpu++) map[cpu] += scenario.hwQueues();
        return map;
    }
}
