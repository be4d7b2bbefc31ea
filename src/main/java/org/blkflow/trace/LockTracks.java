package org.blkflow.trace;

import java.util.List;
import org.blkflow.engine.LockStat;

/**
 * A thread track per modelled spinlock. The transition stream does not yet carry lock acquisitions
 * and releases, so there are no hold slices yet; each track ends with one instant event carrying the
 * lock's /proc/lock_stat line (contentions, acquisitions, wait and hold times) as the run left it.
 */
final class LockTracks {

    static final int PID = 2;

    private final TraceEventWriter out;
    private final List<String> names;

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
