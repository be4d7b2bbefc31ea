package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
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

    @Test
    void aCompletionEndsTheRequestsBiosAndFreesItWithTransitionsThatCarryNoLetter() throws IOException {
        List<Transition> t = TraceReplay.of(TestData.importFixture("every-action.blkparse.txt").events(), null).transitions();
        int c = t.indexOf(t.stream().filter(x -> x.kind() == TransitionKind.COMPLETE && x.sector() == 2040).findFirst().orElseThrow());
        List<TransitionKind> after = t.subList(c + 1, c + 5).stream().map(Transition::kind).toList();
        assertEquals(List.of(TransitionKind.BIO_END, TransitionKind.BIO_END, TransitionKind.BIO_END, TransitionKind.FREE), after);
        t.subList(c + 1, c + 5).forEach(x -> assertEquals(null, x.action()));
        assertEquals(Place.NONE, t.get(c + 4).to());
        assertEquals(t.get(c).req(), t.get(c + 4).req());
    }

    @Test
    void eventsAboutNothingOutstandingAreSkippedAndAnIssueOfAnUnknownRequestStartsOne() {
        String text = """
                  8,0    1        1     0.000000000     0  C   W 800 + 8 [0]
                  8,0    1        2     0.000000100     0  R   W 900 + 8 [0]
                  8,0    1        3     0.000000200   42  M   W 1008 + 8 [kworker]
                  8,0    1        4     0.000000300   42  D   W 1000 + 8 [kworker]
                  8,0    1        5     0.000000400     0  C   W 1000 + 8 [0]
                  8,0    1        6     0.000000500     0  C   N [0]
                """;
        TraceReplay.Result r = TraceReplay.of(BlkparseImport.read(new StringReader(text)).events(), null);
        assertEquals(4, r.skipped(), "C and R of requests issued before the trace, a merge into none, a C with no range");
        List<TransitionKind> kinds = r.transitions().stream().map(Transition::kind).toList();
        assertEquals(List.of(TransitionKind.ISSUE, TransitionKind.COMPLETE, TransitionKind.FREE), kinds);
        assertEquals(Place.NONE, r.transitions().get(0).from(), "the trace began after its G and I");
    }
}
