package org.blkflow.scenario;

import java.util.List;

/**
 * One fio-like job: a task per CPU in {@code cpus}, each submitting {@code ios} bios.
 *
 * @param cpus      the CPUs the job is pinned to; null means "all"
 * @param rw        the direction and order of the I/O
 * @param rwmixread percentage of reads for randrw
 * @param bs        bytes per bio, a multiple of 512
 * @param ioengine  sync (one bio at a time) or libaio (batches up to iodepth)
 * @param sync      writes carry REQ_SYNC (reads always are sync)
 * @param plug      submit inside blk_start_plug / blk_finish_plug
 * @param offset    first byte of the job's region
 * @param size      bytes in the job's region; sequential I/O wraps around in it
 * @param bssplit   fio's bssplit: each bio's size drawn from these sizes and percentages instead of
 *                  {@code bs}; null for one size
 * @param bssplitWrite the writes' own mix (fio's {@code bssplit=reads,writes}); null: as {@code bssplit}
 * @param rateIops  fio's rate_iops: at most this many bios a second from each of the job's tasks; 0 = no cap
 * @param thinktime fio's thinktime in µs: after every {@code thinktimeBlocks} bios the task waits for
 *                  its I/O to complete, then sleeps this long; 0 = none
 * @param hipri     io_uring only: polled I/O (REQ_POLLED), completed by the submitter polling its poll
 *                  queue instead of by an interrupt
 * @param devices   7.0 only: the null_blk devices the job does I/O to, fio's {@code filename=/dev/nullb0:/dev/nullb1}
 *                  with its default file_service_type=roundrobin (the next device after every bio); null means
 *                  every device
 */
public record Job(
        String name,
        List<Integer> cpus,
        Rw rw,
        int rwmixread,
        int bs,
        int iodepth,
        IoEngine ioengine,
        boolean sync,
        boolean plug,
        int ios,
        long offset,
        long size,
        List<BsSplit> bssplit,
        List<BsSplit> bssplitWrite,
        int rateIops,
        int thinktime,
        int thinktimeBlocks,
        boolean hipri,
        int iodepthBatch,
        List<Integer> devices) {

    /** fio's iodepth_batch_submit, 7.0 io_uring only: the plug's nr_ios (capped at 32); 0 = not set. */
    public static final int MAX_IODEPTH_BATCH = 1024;

    public Job {
        cpus = cpus == null ? null : List.copyOf(cpus);
        bssplit = bssplit == null ? null : List.copyOf(bssplit);
        bssplitWrite = bssplitWrite == null ? null : List.copyOf(bssplitWrite);
        devices = devices == null ? null : List.copyOf(devices);
    }

    /** fio's default: the one file, /dev/nullb0. */
    public static final List<Integer> FIRST_DEVICE = List.of(0);

    /** A job on the first device, as every job was before several devices. */
    public Job(String name, List<Integer> cpus, Rw rw, int rwmixread, int bs, int iodepth, IoEngine ioengine,
               boolean sync, boolean plug, int ios, long offset, long size, List<BsSplit> bssplit,
               List<BsSplit> bssplitWrite, int rateIops, int thinktime, int thinktimeBlocks, boolean hipri,
               int iodepthBatch) {
        this(name, cpus, rw, rwmixread, bs, iodepth, ioengine, sync, plug, ios, offset, size, bssplit, bssplitWrite,
                rateIops, thinktime, thinktimeBlocks, hipri, iodepthBatch, FIRST_DEVICE);
    }

    /** The device numbers this job's tasks go round, in order, for a scenario of {@code count} devices. */
    public List<Integer> devicesOf(int count) {
        if (devices != null) return devices;
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int d = 0; d < count; d++) all.add(d);
        return all;
    }

    /** A job without io_uring's submit batch, as every job was before 7.0's cached requests. */
    public Job(String name, List<Integer> cpus, Rw rw, int rwmixread, int bs, int iodepth, IoEngine ioengine,
               boolean sync, boolean plug, int ios, long offset, long size, List<BsSplit> bssplit,
               List<BsSplit> bssplitWrite, int rateIops, int thinktime, int thinktimeBlocks, boolean hipri) {
        this(name, cpus, rw, rwmixread, bs, iodepth, ioengine, sync, plug, ios, offset, size, bssplit, bssplitWrite,
                rateIops, thinktime, thinktimeBlocks, hipri, 0);
    }

    /** A job of one block size at full speed, as every job was before fio's mixes and pacing. */
    public Job(String name, List<Integer> cpus, Rw rw, int rwmixread, int bs, int iodepth, IoEngine ioengine,
               boolean sync, boolean plug, int ios, long offset, long size) {
        this(name, cpus, rw, rwmixread, bs, iodepth, ioengine, sync, plug, ios, offset, size, null, null, 0, 0, 1, false);
    }

    /** The mix a direction's bios are drawn from; null when they are all {@code bs}. */
    public List<BsSplit> mixOf(boolean write) {
        return write && bssplitWrite != null ? bssplitWrite : bssplit;
    }

    /** The largest size the job names, in bs or either mix: its region must hold one. */
    public int largestBs() {
        int max = bs;
        for (List<BsSplit> mix : java.util.Arrays.asList(bssplit, bssplitWrite)) {
            if (mix != null) for (BsSplit e : mix) max = Math.max(max, e.bs());
        }
        return max;
    }


    public boolean allCpus() {
        return cpus == null;
    }
}
