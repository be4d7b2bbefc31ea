package org.blkflow.trace;

import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * A thread track per modelled spinlock, with a slice per hold the stream shows ("CPU N") and, at the
 * end, one instant event carrying the lock's /proc/lock_stat line as the run left it. The stream
 * carries lock moves only where CPUs contend: a hold starts at the hand-over that began it
 * (lock_acquired, exact), or, when the stream first meets it through a CPU finding it held
 * (lock_contended), at that moment — its uncontended start is not in the stream. It ends at the next
 * hand-over or the lock_release. Slices on one track follow each other, so they never overlap.
 */
final class LockTracks {

    static final int PID = 2;

    private final TraceEventWriter out;
    private final List<String> names;
    /** Per lock: the holder shown and since when (-1: none), and the CPUs spinning, for the next hold's args. */
    private final java.util.Map<String, long[]> open = new java.util.HashMap<>();

    LockTracks(TraceEventWriter out, List<String> names) {
        this.out = out;
        this.names = List.copyOf(names);
    }

    void name() {
        for (int i = 0; i < names.size(); i++) {
            out.start('M', "thread_name", PID, i + 1).args().arg("name", names.get(i)).done();
            out.start('M', "thread_sort_index", PID, i + 1).args().arg("sort_index", i).done();
        }
    }

    void on(Transition t) {
        if (!t.kind().isLock()) return;
        long[] hold = open.computeIfAbsent(t.lock(), k -> new long[] {-1, 0, 0});
        long holder = switch (t.kind()) {
            case LOCK_CONTENDED -> t.count();
            case LOCK_ACQUIRED -> t.cpu();
            default -> -1;
        };
        if (holder == hold[0]) return;
        close(t.lock(), hold, t.t());
        if (holder < 0) return;
        hold[0] = holder;
        hold[1] = t.t();
        hold[2] = t.kind() == TransitionKind.LOCK_ACQUIRED ? t.count() : -1;
    }

    /** The holds still open when the run ends (a run stopped early) end there. */
    void finish(long at) {
        open.forEach((lock, hold) -> close(lock, hold, at));
    }

    private void close(String lock, long[] hold, long at) {
        if (hold[0] < 0) return;
        int i = names.indexOf(lock);
        int tid = i < 0 ? names.size() + 1 : i + 1;
        out.start('X', "CPU " + hold[0], PID, tid).field("cat", "lock hold").ts(hold[1]).dur(at - hold[1]).args()
                .arg("cpu", hold[0]).arg("lock", lock).arg("spun ns", hold[2]).done();
        hold[0] = -1;
    }

    /** lockstat at the end of the run, on the track of the lock of that name. */
    void stats(List<LockStat> stats, long at) {
        for (LockStat s : stats) {
            int i = names.indexOf(s.name());
            if (i < 0) continue;
            out.start('i', "lock_stat", PID, i + 1).field("s", "t").ts(at).args()
                    .arg("contentions", s.contentions()).arg("acquisitions", s.acquisitions())
                    .arg("waittime-avg ns", s.waitTimeAvgNs()).arg("waittime-max ns", s.waitTimeMaxNs())
                    .arg("holdtime-avg ns", s.holdTimeAvgNs()).arg("holdtime-max ns", s.holdTimeMaxNs())
                    .arg("contended by", String.join(", ", s.contendedBy())).done();
        }
    }
}
