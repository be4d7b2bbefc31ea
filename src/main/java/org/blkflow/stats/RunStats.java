package org.blkflow.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.engine.LockStat;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * What btt would report for a run, computed from the transition stream alone.
 *
 * <p>Latencies are per bio, as btt pairs them: a bio's Q is its own queue transition; its D and C are
 * those of the request it ended in, so a merged bio takes its request's D and C. A request issued
 * again after a requeue (R) counts the last D before its C (btt samples Q2D at both; D2C here is
 * what btt reports). Only live bios and requests are remembered, so memory follows what is in
 * flight, not the length of the run.
 */
public final class RunStats implements TransitionListener {

    /** mean is exact; p50 and p99 are within 0.8% (see {@link LatencyHistogram}). */
    public record Latency(double mean, long p50, long p99, long samples) {
    }

    /** The last issue and the completion of a live request; -1 until they happen. */
    private static final class RequestTimes {
        long issued = -1;
        long completed = -1;
    }

    private final Counts counts = new Counts();
    private final BlockSizes blockSizes = new BlockSizes();
    private final LongLongMap queuedAt = new LongLongMap();
    private final LongLongMap requestOfBio = new LongLongMap();
    private final Map<Long, RequestTimes> liveRequests = new HashMap<>();
    private final LatencyHistogram q2c = new LatencyHistogram();
    private final LatencyHistogram q2d = new LatencyHistogram();
    private final LatencyHistogram d2c = new LatencyHistogram();
    private long simTimeNs;
    private List<LockStat> locks = List.of();
    private int backendCpus;
    private long backendBusyNs;

    @Override
    public void onTransition(Transition t) {
        counts.count(t);
        simTimeNs = t.t();
        if (t.bio() >= 0 && t.req() >= 0 && queuedAt.containsKey(t.bio())) {
            requestOfBio.put(t.bio(), t.req());
        }
        switch (t.kind()) {
            case QUEUE -> {
                queuedAt.put(t.bio(), t.t());
                blockSizes.queued(t);
            }
            case ISSUE -> issue(t);
            case COMPLETE -> request(t.req()).completed = t.t();
            case BIO_END -> endBio(t);
            case FREE -> liveRequests.remove(t.req());
            default -> { }
        }
    }

    private void issue(Transition t) {
        RequestTimes times = request(t.req());
        if (times.issued < 0) {
            counts.requests++;
        }
        times.issued = t.t();
    }

    private void endBio(Transition t) {
        long queued = queuedAt.remove(t.bio());
        long req = requestOfBio.remove(t.bio());
        RequestTimes times = liveRequests.get(t.req() >= 0 ? t.req() : req == LongLongMap.MISSING ? -1 : req);
        if (queued == LongLongMap.MISSING || times == null) {
            return;
        }
        long completed = times.completed >= 0 ? times.completed : t.t();
        q2c.record(completed - queued);
        if (times.issued >= 0) {
            q2d.record(times.issued - queued);
            d2c.record(completed - times.issued);
        }
    }

    private RequestTimes request(long req) {
        return liveRequests.computeIfAbsent(req, r -> new RequestTimes());
    }

    /**
     * Lock figures are not in the transition stream: the run hands over its lockStats(), at the end of
     * a run or, in a live session, as they stand so far.
     */
    public void recordLocks(List<LockStat> lockStats) {
        this.locks = List.copyOf(lockStats);
    }

    /**
     * lockstat's line for each lock the model took, in the run's order, as last given to
     * {@link #recordLocks}: a whole run's figures after it ends, a live session's so far (empty until
     * the first are recorded; the transition stream alone says nothing of locks).
     */
    public List<LockStat> locks() {
        return locks;
    }

    /** xen: dom0's vCPUs and the CPU time they spent, from the run (not in the stream either). */
    public void recordBackend(int cpus, long busyNs) {
        this.backendCpus = cpus;
        this.backendBusyNs = busyNs;
    }

    /** dom0's vCPUs serving xen-blkfront's rings; 0 for any other driver. */
    public int backendCpus() {
        return backendCpus;
    }

    /** Share of dom0's vCPU time spent over the run (spinning included), 0 to 1. */
    public double backendCpuUse() {
        return backendCpus == 0 || simTimeNs == 0 ? 0 : Math.min(1, backendBusyNs / ((double) backendCpus * simTimeNs));
    }

    public Counts counts() {
        return counts;
    }

    /** The bios queued, by size and direction. */
    public BlockSizes blockSizes() {
        return blockSizes;
    }

    /** Virtual time of the last transition seen. */
    public long simTimeNs() {
        return simTimeNs;
    }

    /** Completed bios per simulated second; 0 before any time has passed. */
    public double iops() {
        return simTimeNs == 0 ? 0 : counts.completed * 1e9 / simTimeNs;
    }

    public Latency q2c() {
        return latency(q2c);
    }

    public Latency q2d() {
        return latency(q2d);
    }

    public Latency d2c() {
        return latency(d2c);
    }

    /** Bios and requests in flight that the statistics still remember (for the memory bound). */
    public int remembered() {
        return queuedAt.size() + requestOfBio.size() + liveRequests.size();
    }

    private static Latency latency(LatencyHistogram h) {
        return new Latency(h.mean(), h.percentile(0.50), h.percentile(0.99), h.count());
    }
}
