package org.blkflow.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spinlock with lockstat's bookkeeping. A CPU that finds it held spins until the holder lets go;
 * CPUs are served in the order their work reached the lock. Taking it on another CPU than its last
 * holder costs a cache-line transfer. Contention is never computed: it is what happens when work
 * running on several CPUs wants the same lock at overlapping times.
 */
public final class Lock {

    private final String name;
    private final Simulation sim;
    private final long lockNs;
    private final long bounceNs;
    private long freeAt;
    private int lastCpu = -1;
    private long acquiredAt = -1;
    private long acquisitions;
    private long contentions;
    private long waitMin = Long.MAX_VALUE;
    private long waitMax;
    private long waitSum;
    private long holdMin = Long.MAX_VALUE;
    private long holdMax;
    private long holdSum;
    private long holds;
    private final Map<String, Long> contendedBy = new LinkedHashMap<>();

    public Lock(String name, Simulation sim, long lockNs, long bounceNs) {
        this.name = name;
        this.sim = sim;
        this.lockNs = lockNs;
        this.bounceNs = bounceNs;
    }

    public String name() {
        return name;
    }

    /** spin_lock(): {@code site} is the kernel function taking it, as lockstat's call sites name it. */
    public void lock(int cpu, String site) {
        if (acquiredAt >= 0) throw new IllegalStateException(name + " taken twice by one path at " + site);
        long want = sim.now();
        if (freeAt > want) {
            long wait = freeAt - want;
            contentions++;
            waitSum += wait;
            waitMin = Math.min(waitMin, wait);
            waitMax = Math.max(waitMax, wait);
            contendedBy.merge(site, 1L, Long::sum);
            sim.advanceTo(freeAt);
        }
        sim.advance(lastCpu == cpu || lastCpu < 0 ? lockNs : lockNs + bounceNs);
        lastCpu = cpu;
        acquisitions++;
        acquiredAt = sim.now();
    }

    /** spin_unlock(). */
    public void unlock() {
        if (acquiredAt < 0) throw new IllegalStateException(name + " released while free");
        long hold = sim.now() - acquiredAt;
        holds++;
        holdSum += hold;
        holdMin = Math.min(holdMin, hold);
        holdMax = Math.max(holdMax, hold);
        freeAt = sim.now();
        acquiredAt = -1;
    }

    public boolean held() {
        return acquiredAt >= 0;
    }

    public LockStat stat() {
        List<Map.Entry<String, Long>> sites = new ArrayList<>(contendedBy.entrySet());
        sites.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        List<String> by = new ArrayList<>();
        for (Map.Entry<String, Long> e : sites) by.add(e.getKey() + ": " + e.getValue());
        return new LockStat(name, contentions, acquisitions,
                contentions == 0 ? 0 : waitMin, contentions == 0 ? 0 : waitSum / contentions, waitMax,
                holds == 0 ? 0 : holdMin, holds == 0 ? 0 : holdSum / holds, holdMax, by);
    }
}
