package org.blkflow.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.blkflow.transition.Transition;

/**
 * One Perfetto thread track per CPU, with an X slice per transition named by its kernel function.
 *
 * <p>The engine stamps each transition at the virtual time its step runs, and the CPU's next step
 * follows after the first one's cost, so a step lasts until the next transition on the same CPU.
 * Between two steps a CPU may also have gone idle (a task waiting for its I/O, an interrupt
 * handler that ended): the stream does not say so, so a slice is cut at {@code boundNs}, the
 * longest single step the scenario's cost table allows. A slice is thus exact when the CPU went
 * straight on, at most {@code boundNs} long otherwise; spinning on a lock for longer than that shows
 * as a gap (the lock tracks are where lock waits belong). Flow events about a step are written right
 * after its slice, so they bind to it.
 */
final class CpuSlices {

    static final int PID = 1;

    private record Flow(char ph, String cat, long id) {
    }

    private static final class Step {
        final Transition t;
        final List<Flow> flows = new ArrayList<>(1);

        Step(Transition t) {
            this.t = t;
        }
    }

    private final TraceEventWriter out;
    private final long boundNs;
    private Step[] pending = new Step[8];
    private boolean[] named = new boolean[8];

    CpuSlices(TraceEventWriter out, long boundNs) {
        this.out = out;
        this.boundNs = boundNs;
    }

    static int tid(int cpu) {
        return cpu + 1;
    }

    void step(Transition t) {
        int cpu = t.cpu();
        if (cpu >= pending.length) {
            pending = Arrays.copyOf(pending, Math.max(cpu + 1, pending.length * 2));
            named = Arrays.copyOf(named, pending.length);
        }
        if (!named[cpu]) {
            named[cpu] = true;
            out.start('M', "thread_name", PID, tid(cpu)).args().arg("name", "CPU " + cpu).done();
            out.start('M', "thread_sort_index", PID, tid(cpu)).args().arg("sort_index", cpu).done();
        }
        flush(cpu, t.t());
        pending[cpu] = new Step(t);
    }

    /** A flow event ({@code s}, {@code t} or {@code f}) bound to the step of the transition just given. */
    void flow(int cpu, char ph, String cat, long id) {
        pending[cpu].flows.add(new Flow(ph, cat, id));
    }

    /** The last step on each CPU: nothing follows it, so it gets the bound. */
    void finish() {
        for (int cpu = 0; cpu < pending.length; cpu++) flush(cpu, Long.MAX_VALUE);
    }

    private void flush(int cpu, long next) {
        Step s = pending[cpu];
        if (s == null) return;
        pending[cpu] = null;
        Transition t = s.t;
        long gap = next == Long.MAX_VALUE ? boundNs : next - t.t();
        out.start('X', t.fn(), PID, tid(cpu)).field("cat", t.kind().label()).ts(t.t()).dur(Math.min(gap, boundNs))
                .args().arg("seq", t.seq()).arg("action", t.action()).arg("pid", t.pid()).arg("comm", t.comm());
        if (t.bio() >= 0) out.arg("bio", t.bio());
        if (t.req() >= 0) out.arg("req", t.req());
        if (t.tag() >= 0) out.arg("tag", t.tag());
        out.arg("from", t.from().toString()).arg("to", t.to().toString()).done();
        for (Flow f : s.flows) {
            out.start(f.ph, f.cat, PID, tid(cpu)).field("cat", f.cat).field("id", f.id).ts(t.t());
            if (f.ph == 'f') out.field("bp", "e");
            out.done();
        }
    }
}
