package org.blkflow.lessons;

import java.util.LinkedHashSet;
import java.util.Set;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/**
 * The places Figure 1 draws for a scenario, each a {@code data-queue} the page can light up: what a
 * lesson's {@code highlight} may name. Mirrors the front end's layouts (layout.js for blk-mq,
 * layout-legacy.js for the request queue and bio-based drivers), so a lesson cannot point at a lane
 * the student will not see.
 */
final class FigurePlaces {

    private FigurePlaces() {
    }

    static Set<String> of(Scenario s) {
        Set<String> places = new LinkedHashSet<>();
        for (int cpu = 0; cpu < s.cpus(); cpu++) {
            places.add("task:" + cpu);
            places.add("plug:" + cpu);
        }
        int columns = 1;
        if (s.mode() == Mode.MQ) {
            // 7.0 cuts hwQueues to the CPUs (blk_mq_update_nr_hw_queues); 3.16 leaves extra queues idle.
            columns = s.modern() ? Math.min(s.hwQueues(), s.cpus()) : s.hwQueues();
            for (int cpu = 0; cpu < s.cpus(); cpu++) {
                places.add("ctx:" + cpu);
            }
            for (int h = 0; h < columns; h++) {
                places.add("hctx:" + h);
                places.add("tagwait:" + h);
                // The hctx's tag bar (scheduler tags under a 7.0 scheduler): outline-frame.js tagBar.
                places.add("tags:" + h);
            }
            if (s.modern() && s.scheduler() == Scheduler.MQ_DEADLINE) {
                places.add("elv:0");
            }
        } else if (s.mode() == Mode.SQ) {
            places.add("tagwait:0");
            places.add("elv:0");
            places.add("dispatch:0");
        }
        for (int h = 0; h < columns; h++) {
            places.add("driver:" + h);
            places.add("device:" + h);
        }
        places.add("done");
        return places;
    }
}
