package org.blkflow.scenario;

/**
 * What each step of a path costs a CPU, in virtual nanoseconds. Contention is not in this table:
 * it emerges when CPUs spend this time holding locks that other CPUs want.
 *
 * <p>The defaults are order-of-magnitude figures for a 2014-era x86 server, the machines the blk-mq
 * paper (Bjørling et al., SYSTOR 2013) and the seed's profiling ran on: a block I/O costs a core a
 * few microseconds in all (the paper's single queue peaks near one million IOPS on a whole
 * multi-socket machine, blk-mq near that per socket); an uncontended spinlock is tens of
 * nanoseconds, while moving its cache line to another CPU is one to a few hundred (cross-socket
 * latencies Intel publishes for QPI); an IPI is one to two microseconds end to end and a context
 * switch a couple of microseconds (lmbench-style measurements of that era). Edit them per scenario.
 *
 * @param makeRequestNs  generic_make_request and the make_request_fn entry, per bio
 * @param mergeAttemptNs one request looked at for a merge
 * @param allocRequestNs allocating a request (a tag, or get_request) and initialising it
 * @param insertNs       putting a request on a software queue, the elevator or a plug list
 * @param dispatchNs     starting one request and taking it off a queue
 * @param driverNs       the driver's work to hand one request to the device (queue_rq, request_fn)
 * @param completeNs     ending one request: blk_update_request, bio_endio, freeing it
 * @param irqNs          entering and leaving an interrupt (timer, softirq or device)
 * @param ipiNs          sending a completion to another CPU and taking the IPI there
 * @param lockNs         taking and releasing an uncontended spinlock
 * @param lockBounceNs   moving a lock's cache line to a CPU that did not hold it last
 * @param switchNs       a task going to sleep or being woken (schedule, io_schedule)
 */
public record Costs(
        long makeRequestNs, long mergeAttemptNs, long allocRequestNs, long insertNs, long dispatchNs,
        long driverNs, long completeNs, long irqNs, long ipiNs, long lockNs, long lockBounceNs, long switchNs) {

    /** Documented defaults (see the class comment for where they come from). */
    public static final Costs DEFAULT = new Costs(300, 40, 200, 100, 150, 500, 400, 1_000, 1_500, 20, 200, 2_000);

    /** Free CPUs: only the device takes time. The model before costs existed, and its golden streams. */
    public static final Costs ZERO = new Costs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean free() {
        return equals(ZERO);
    }
}
