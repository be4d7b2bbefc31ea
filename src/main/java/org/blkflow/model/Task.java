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
    /** fio's bssplit for reads and for writes; null where every bio is bs and nothing is drawn. */
    private final BlockSizeMix readMix;
    private final BlockSizeMix writeMix;
    private long nextOffset;
    /** fio's f->last_pos per file when the job has several (file_service_type=roundrobin); null for one. */
    private long[] filePositions;
    /** The job's file (an index into its devices) the next bio goes to. */
    private int file;
    /** The file the last {@link #nextBio(long, SplittableRandom, int)} served. */
    int lastFile;
    /** Bios not yet submitted. */
    int remaining;
    /** Bios submitted and not yet ended. */
    int inflight;
    /** Bios still to submit in the current batch (one io_submit, or one pread). */
    int batchLeft;
    /** current->plug between blk_start_plug and blk_finish_plug. */
    Plug plug;
    /** Bios submitted since the last thinktime sleep (fio's thinktime_blocks, counted as issued). */
    int sinceThink;
    /** Blocked in schedule() ({@link Machine#schedule(Task)}): it paid the switch away and waits for a wakeup. */
    boolean asleep;
    /** Its path began with the switch back in from a sleep ({@link Machine#switchIn(Task, Runnable)}); XenGuest takes it. */
    boolean switchedIn;
    /** Blocked in io_getevents (or a pread's wait) with nothing reaped: the next completion wakes it. */
    boolean waitsForCompletion;
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
        this.readMix = BlockSizeMix.of(job.mixOf(false));
        this.writeMix = BlockSizeMix.of(job.mixOf(true));
        this.remaining = job.ios();
    }

    /**
     * The next bio of a job on {@code files} files, fio's roundrobin service: each file keeps its own
     * sequential position, and the file changes after every bio. Returns the bio; {@link #lastFile}
     * says which file it went to.
     */
    Bio nextBio(long id, SplittableRandom random, int files) {
        if (files <= 1) return nextBio(id, random);
        if (filePositions == null) filePositions = new long[files];
        lastFile = file;
        nextOffset = filePositions[file];
        Bio bio = nextBio(id, random);
        filePositions[file] = nextOffset;
        file = (file + 1) % files;
        return bio;
    }

    /** The next bio's sector and direction, as fio would pick them. */
    Bio nextBio(long id, SplittableRandom random) {
        boolean write = switch (job.rw()) {
            case WRITE, RANDWRITE -> true;
            case RANDRW -> random.nextInt(100) >= job.rwmixread();
            case READ, RANDREAD -> false;
        };
        BlockSizeMix mix = write ? writeMix : readMix;
        if (mix != null) return mixedBio(id, random, write, mix);
        long sector;
        if (random()) {
            sector = regionStart + random.nextLong(Math.max(1, regionSectors / bsSectors)) * bsSectors;
        } else {
            sector = regionStart + nextOffset;
            nextOffset = (nextOffset + bsSectors) % Math.max(bsSectors, regionSectors - regionSectors % bsSectors);
        }
        return new Bio(id, this, sector, bsSectors, write, !write || job.sync());
    }

    /**
     * A bio of a drawn size: the size first, then a random offset in units of the smallest size such
     * that the bio ends inside the region; sequential I/O goes on where the last bio ended and wraps
     * when the next one would not fit.
     */
    private Bio mixedBio(long id, SplittableRandom random, boolean write, BlockSizeMix mix) {
        int sectors = mix.draw(random);
        long sector;
        if (random()) {
            long unit = mix.minSectors();
            sector = regionStart + random.nextLong(Math.max(1, (regionSectors - sectors) / unit + 1)) * unit;
        } else {
            if (nextOffset + sectors > regionSectors) nextOffset = 0;
            sector = regionStart + nextOffset;
            nextOffset += sectors;
        }
        return new Bio(id, this, sector, sectors, write, !write || job.sync());
    }

    private boolean random() {
        return job.rw() == Rw.RANDREAD || job.rw() == Rw.RANDWRITE || job.rw() == Rw.RANDRW;
    }

    /**
     * How many bios the next batch submits: one for sync engines, up to iodepth for libaio (and for
     * io_uring, at most iodepth_batch_submit when the job sets it), and never
     * past the next thinktime sleep.
     */
    int nextBatch() {
        int n = !async ? (inflight == 0 ? Math.min(1, remaining) : 0) : Math.min(job.iodepth() - inflight, remaining);
        if (job.iodepthBatch() > 0) n = Math.min(n, job.iodepthBatch());
        return job.thinktime() > 0 ? Math.min(n, job.thinktimeBlocks() - sinceThink) : n;
    }

    /** thinktime_blocks bios have gone since the last sleep and more are to come: time to think. */
    boolean thinkDue() {
        return job.thinktime() > 0 && sinceThink >= job.thinktimeBlocks() && remaining > 0;
    }

    /**
     * rate_iops as fio's linear rate keeps it: bio n (from 0) may not be submitted before n / rate_iops
     * seconds into the run; a task that has fallen behind submits what is due at once. 0 without a cap.
     */
    long nextIssueNs() {
        return dueNs(job.ios() - remaining);
    }

    /** Of the next {@code max} bios, how many are due at {@code now}: all of them without a cap. */
    int dueAt(long now, int max) {
        if (job.rateIops() == 0) return max;
        long next = job.ios() - remaining;
        int n = 0;
        while (n < max && dueNs(next + n) <= now) n++;
        return n;
    }

    private long dueNs(long bio) {
        return job.rateIops() == 0 ? 0 : bio * 1_000_000_000L / job.rateIops();
    }
}
