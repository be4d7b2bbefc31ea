package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;

class TraceReplayTest {

    @Test
    void theHandWrittenTraceBecomesTransitionsWithBiosAndRequestsPairedBySector() throws IOException {
        ImportedTrace trace = TestData.importFixture("every-action.blkparse.txt");
        TraceReplay.Result r = TraceReplay.of(trace.events(), new int[] {0, 1, 1, 0});
        assertEquals(4, r.skipped(), "A, X, B and the message line (m) have no model kind");
        List<Transition> t = r.transitions();
        Transition firstQ = t.get(0);
        assertEquals(TransitionKind.QUEUE, firstQ.kind());
        assertEquals("block_bio_queue", firstQ.fn());
        assertEquals(Place.NONE, firstQ.from());
        assertEquals(Place.task(0), firstQ.to());
        Transition merge = t.stream().filter(x -> x.kind() == TransitionKind.BACKMERGE).findFirst().orElseThrow();
        Transition front = t.stream().filter(x -> x.kind() == TransitionKind.FRONTMERGE).findFirst().orElseThrow();
        Transition getrq = t.get(2);
        assertEquals(TransitionKind.GETRQ, getrq.kind());
        assertEquals(getrq.req(), merge.req(), "the back merge joins the request G made for sector 2048");
        assertEquals(getrq.req(), front.req(), "so does the front merge at 2040");
        Transition issue = t.stream().filter(x -> x.kind() == TransitionKind.ISSUE && x.cpu() == 1).findFirst().orElseThrow();
        assertEquals(Place.device(1), issue.to(), "D hands the request to the device, on hctx 1 where the map puts CPU 1");
        Transition requeue = t.stream().filter(x -> x.kind() == TransitionKind.REQUEUE).findFirst().orElseThrow();
        assertEquals(issue.req(), requeue.req());
        assertEquals("block_rq_requeue", requeue.fn());
        Transition sleep = t.stream().filter(x -> x.kind() == TransitionKind.SLEEP).findFirst().orElseThrow();
        assertEquals(Place.tagWait(1), sleep.to());
        Transition unplugTimer = t.stream().filter(x -> "UT".equals(x.action())).findFirst().orElseThrow();
        assertEquals(TransitionKind.UNPLUG, unplugTimer.kind());
        assertEquals(1, unplugTimer.count());
    }
}
