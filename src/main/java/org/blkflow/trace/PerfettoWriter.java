package org.blkflow.trace;

import java.io.Writer;
import java.util.List;
import org.blkflow.engine.LockStat;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * Writes a run as Chrome/Perfetto trace-event JSON, as ui.perfetto.dev and chrome://tracing open it:
 * a process per kind of track (CPUs, locks, hardware queues, requests, device), a slice per
 * kernel-function step on each CPU ({@link CpuSlices}), an async track per request with flows for
 * merges and requeues ({@link RequestTracks}), counters per hctx and for the device
 * ({@link QueueCounters}) and a track per lock ({@link LockTracks}); several 7.0 devices each have
 * their requests and counters in a process of their own, nullbN ({@link DeviceGroups}), instead of the
 * shared three. Everything comes from the transition stream, written as it arrives; only live requests
 * and one step per CPU are held.
 */
public final class PerfettoWriter implements TransitionListener {

    private final TraceEventWriter out;
    private final CpuSlices cpus;
    private final RequestTracks requests;
    private final QueueCounters counters;
    private final LockTracks locks;
    private long now;

    /**
     * @param stepBoundNs the longest single step the scenario's costs allow (see {@link CpuSlices})
     * @param lockNames   the run's locks, in the order its lockstat lists them
     * @param devices     the run's null_blk devices (nr_devices); 1 for every run but 7.0's several
     */
    public PerfettoWriter(Writer out, long stepBoundNs, List<String> lockNames, int devices) {
        this.out = new TraceEventWriter(out);
        this.cpus = new CpuSlices(this.out, stepBoundNs);
        DeviceGroups groups = new DeviceGroups(this.out);
        this.requests = new RequestTracks(this.out, cpus, groups);
        this.counters = new QueueCounters(this.out, groups);
        this.locks = new LockTracks(this.out, lockNames);
        this.out.begin();
        process(CpuSlices.PID, "CPUs");
        process(LockTracks.PID, "locks");
        // With several devices every request and counter goes to its device's nullbN, declared as it is
        // first used: the shared groups would stay empty, a row each in the UI with nothing in it.
        if (devices <= 1) {
            process(QueueCounters.HCTX_PID, "hardware queues");
            process(RequestTracks.PID, "requests");
            process(QueueCounters.DEVICE_PID, "device");
        }
        locks.name();
    }

    @Override
    public void onTransition(Transition t) {
        now = t.t();
        cpus.step(t);
        requests.on(t);
        counters.on(t);
        locks.on(t);
    }

    /** Ends the last slices and tracks, writes the locks' figures, closes the JSON and flushes. */
    public void finish(List<LockStat> lockStats) {
        cpus.finish();
        requests.finish(now);
        locks.finish(now);
        locks.stats(lockStats, now);
        out.end();
    }

    private void process(int pid, String name) {
        out.start('M', "process_name", pid, 0).args().arg("name", name).done();
        out.start('M', "process_sort_index", pid, 0).args().arg("sort_index", pid).done();
    }
}
