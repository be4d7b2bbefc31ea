package org.blkflow.model;

import java.util.SplittableRandom;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Rw;

/** One fio job's process pinned to one CPU, with its own region of the device. */
final class Task {

    final Actor actor;
    final int cpu;
    final Job job;
    final boolean async;
    /** io_uring with hipri: its bios carry REQ_POLLED and it polls for their completions. */
    final boolean hipri;
    private final long regionStart;
    private final long regionSectors;
    private final int bsSectors;
    private long nextOffset;
    /** Bios not yet submitted. */
    int remaining;
    /** Bios submitted and not yet ended. */
    int inflight;
    /** Bios still to submit in the current batch (one io_submit, or one pread). */
    int batchLeft;
    /** current->plug between blk_start_plug and blk_finish_plug. */
    Plug plug;
    /** Inside io_submit/pread: a batch is being submitted (asleep on the way included). */
    boolean inSyscall;
    boolean refillScheduled;
    /** The bio whose request allocation slept, how far make_request had got, and where it returns. */
    Bio pendingBio;
    int pendingRequestCount;
    Runnable pendingDone;

    Task(int pid, int cpu, Job job, int indexInJob) {
        this.actor = new Actor(pid, job.name());
        this.cpu = cpu;
        this.job = job;
        this.async = job.ioengine() != IoEngine.SYNC;
        this.hipri = job.hipri();
        this.regionSectors = job.size() / 512;
        this.regionStart = job.offset() / 512 + indexInJob * regionSectors;
        this.bsSectors = job.bs() / 512;
        this.remaining = job.ios();
    }

    /** The next bio's sector and direction, as fio would pick them. */
    Bio nextBio(long id, SplittableRandom random) {
        boolean write = switch (job.rw()) {
            case WRITE, RANDWRITE -> true;
            case RANDRW -> random.nextInt(100) >= job.rwmixread();
            case READ, RANDREAD -> false;
        };
        long sector;
        if (job.rw() == Rw.RANDREAD || job.rw() == Rw.RANDWRITE || job.rw() == Rw.RANDRW) {
            sector = regionStart + random.nextLong(Math.max(1, regionSectors / bsSectors)) * bsSectors;
        } else {
            sector = regionStart + nextOffset;
            nextOffset = (nextOffset + bsSectors) % Math.max(bsSectors, regionSectors - regionSectors % bsSectors);
        }
        return new Bio(id, this, sector, bsSectors, write, !write || job.sync());
    }

    /** How many bios the next batch submits: one for sync engines, up to iodepth for libaio. */
    int nextBatch() {
        if (!async) return inflight == 0 ? Math.min(1, remaining) : 0;
        return Math.min(job.iodepth() - inflight, remaining);
    }
}
