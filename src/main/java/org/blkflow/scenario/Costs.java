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
 * @param ipiNs          sending a completion to another CPU and taking the IPI there; also Xen's TLB flush after a
 *                       grant unmap, once for the initiator's round trip and once on each CPU flushed (model/XenTlbFlush)
 * @param lockNs         taking and releasing an uncontended spinlock
 * @param lockBounceNs   moving a lock's cache line to a CPU that did not hold it last; a 3.16 ticket lock's handoff
 *                       also pays half of it for every other CPU spinning (engine/Lock)
 * @param switchNs       one context switch (__schedule): a task, kworker or blkback thread blocking, or switched
 *                       back in once woken; paid once per switch (model/Machine.schedule and switchIn)
 * @param hypercallNs    xen: one PV hypercall in and out of Xen, e.g. EVTCHNOP_send for an event-channel
 *                       notify or the entry of a grant-table operation. 0.3-1 µs on 2014-era x86 (a
 *                       syscall-like ring switch plus Xen's dispatch; the xen_hypercall_* frames of the
 *                       seed's perf profile)
 * @param grantMapNs     xen: the part of GNTTABOP_map_grant_ref for one segment that Xen spends holding the
 *                       guest's grant-table lock (find the entry, check and pin it); the hypercall itself and
 *                       the page-table update are outside it. A few hundred ns of the µs or so a grant map
 *                       costs in all (the figure behind persistent grants, 3.8)
 * @param grantUnmapNs   xen: the same for GNTTABOP_unmap_grant_ref (unpin, release the entry), a little dearer
 *                       because the maptrack entry is freed and the mapping's TLB entries marked for flushing
 * @param persistentGrantNs xen: finding an already-mapped persistent grant (blkback's per-ring rb-tree
 *                       lookup), per segment; no hypercall, no lock of Xen's
 * @param blkbackNs      xen: xen-blkback's own work per request in dom0: dispatch_rw_block_io parsing the
 *                       slot, allocating and submitting a bio through dom0's block layer to its null_blk,
 *                       end_block_io_op and make_response. A native block I/O's few µs (the guest's own path
 *                       above sums to about 2.5 µs)
 * @param fioIoNs        xen guest: fio's own user-space work per I/O (get_io_u with its random offset, block
 *                       size and axmap lookup; libaio's io_submit and io_getevents wrappers; the slat and clat
 *                       samples). A bound, not a measurement: one native libaio job on null_blk reaches about
 *                       510k IOPS (axboe/fio issue #506, 2018, gtod_reduce=1), so fio and the whole kernel path
 *                       take about 2 µs an I/O together; fio's user-space half of that is an assumption.
 *                       Charged only in xen-blkfront scenarios (model/XenGuest), where the experiment ran fio
 * @param pvSyscallNs    xen guest: one system call of a 64-bit PV guest, in and out. Kernel and user both run
 *                       in ring 3, so the syscall traps into Xen, which switches to the guest kernel's page
 *                       table and bounces into it, and the return is the iret hypercall switching back (OLS
 *                       2006, "x86-64 XenLinux: Architecture, Implementation, and Optimizations"). Xen's own
 *                       lmbench lat_syscall figures for a PV guest are 0.33 µs when the CPU traps straight
 *                       into the guest and 0.55-0.87 µs when Xen's ring 0 has to take the call first (xen.git,
 *                       "Implement faster int 0x80 handling for compat mode guests", 2007), and a system call
 *                       that another layer intercepts costs about 0.8 µs against 0.07 µs natively (gVisor's
 *                       "Running gVisor in Production at Scale in Ant", 2021); 1 µs adds the two page-table
 *                       switches of the 64-bit case and their TLB refills: partly an assumption. Charged per
 *                       io_submit, io_getevents and fio time stamp, xen-blkfront scenarios only. That a time
 *                       stamp is a system call is an assumption too: in 3.x kernels pvclock has a vDSO read for
 *                       kvmclock (kvm_setup_vsyscall_timeinfo) and none for Xen's clocksource
 */
public record Costs(
        long makeRequestNs, long mergeAttemptNs, long allocRequestNs, long insertNs, long dispatchNs,
        long driverNs, long completeNs, long irqNs, long ipiNs, long lockNs, long lockBounceNs, long switchNs,
        long hypercallNs, long grantMapNs, long grantUnmapNs, long persistentGrantNs, long blkbackNs,
        long fioIoNs, long pvSyscallNs) {

    /** Documented defaults (see the class comment for where they come from). */
    public static final Costs DEFAULT = new Costs(300, 40, 200, 100, 150, 500, 400, 1_000, 1_500, 20, 200, 2_000,
            500, 150, 250, 100, 2_500, 1_000, 1_000);

    /** Free CPUs: only the device takes time. The model before costs existed, and its golden streams. */
    public static final Costs ZERO = new Costs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public boolean free() {
        return equals(ZERO);
    }
}
