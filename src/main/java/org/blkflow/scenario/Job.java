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
 * @param hipri     io_uring only: polled I/O (REQ_POLLED), completed by the submitter polling its poll
 *                  queue instead of by an interrupt
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
        boolean hipri) {

    public Job {
        cpus = cpus == null ? null : List.copyOf(cpus);
    }

    /** A job without polled I/O, as every job was before io_uring's hipri. */
    public Job(String name, List<Integer> cpus, Rw rw, int rwmixread, int bs, int iodepth, IoEngine ioengine,
               boolean sync, boolean plug, int ios, long offset, long size) {
        this(name, cpus, rw, rwmixread, bs, iodepth, ioengine, sync, plug, ios, offset, size, false);
    }

    public boolean allCpus() {
        return cpus == null;
    }
}
