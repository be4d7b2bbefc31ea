package org.blkflow.model;

import org.blkflow.engine.CpuObserver;
import org.blkflow.transition.DeviceNumbers;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.SnapshotTracker;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * The model's BUG_ONs: the one place the model asks. Every transition is checked against shadow
 * state that only this family writes, so a model that moves a request without saying so, or says so
 * twice, is caught at the transition where it happened instead of drawing a wrong picture.
 *
 * <p>Each concern keeps its own shadow state in its own file: the paths of bios and requests
 * ({@link PathInvariants}), tags, request pools and commands ({@link TagInvariants}), the device's
 * room ({@link DeviceInvariants}), spinlocks ({@link LockInvariants}), time and CPUs
 * ({@link TimeInvariants}), 7.0's kyber tokens and poll queues ({@link Invariants70}), 7.0's splits and
 * cached requests ({@link SubmitInvariants70}), several devices' shared tags and plug
 * ({@link SharedTags70Invariants}), xen's two domains ({@link DomainInvariants}), dom0's null_blk tags ({@link Dom0TagInvariants}) and the
 * host's pCPUs ({@link PcpuInvariants}, fed by the host's scheduler through {@link PcpuTransitions}).
 * This class only routes: each move to the families it concerns,
 * in a fixed order; every family reports a breach through {@link Oops}. CPUs and locks are not
 * request transitions, so the engine reports them here directly ({@link CpuObserver}).
 */
final class Invariants implements CpuObserver {

    /**
     * What the stream must show full before anyone may wait for it, by interface and driver.
     *
     * @param roomTakenAt the move at which a command takes the device's room (see {@link DeviceInvariants})
     */
    record Capacity(int nrRequests, int commands, int[] deviceGroup, int deviceSlots, TransitionKind roomTakenAt) {
        static final Capacity NONE = new Capacity(0, 0, new int[0], 0, TransitionKind.QUEUE_RQ);
    }

    private final PathInvariants paths;
    private final TagInvariants tags;
    private final DeviceInvariants device = new DeviceInvariants();
    private final LockInvariants locks = new LockInvariants();
    private final TimeInvariants time = new TimeInvariants();
    private final Invariants70 modern = new Invariants70();
    private final DomainInvariants domains = new DomainInvariants();
    private final SubmitInvariants70 submit70;
    final PcpuInvariants pcpus = new PcpuInvariants();
    final Dom0TagInvariants dom0Tags = new Dom0TagInvariants();
    private final Requeue70Invariants requeues = new Requeue70Invariants();
    private final SharedTags70Invariants shared70 = new SharedTags70Invariants();
    private boolean kernel70;
    private int firstPollHctx = Integer.MAX_VALUE;
    private BudgetInvariant budget = new BudgetInvariant(0);

    Invariants(int hwQueues, int depth, int reserved, int maxSectors, int maxSegments) {
        this(hwQueues, depth, reserved, maxSectors, maxSegments, depth - reserved);
    }

    /** @param startedLimit what bounds started requests per queue: the tags, or the driver's commands or ring slots */
    Invariants(int hwQueues, int depth, int reserved, int maxSectors, int maxSegments, int startedLimit) {
        this.paths = new PathInvariants(maxSectors, maxSegments);
        this.submit70 = new SubmitInvariants70(maxSectors, maxSegments);
        this.tags = new TagInvariants(hwQueues, depth, reserved, startedLimit);
    }

    /**
     * Linux 7.0: no S at all, and under a scheduler two tag levels — scheduler tags from G to the
     * free, driver tags from dispatch (seen at D) to a requeue or the free.
     *
     * @param schedDepth    nr_requests of each hctx's scheduler tags, 0 without a scheduler
     * @param asyncCapacity the scheduler tags a write can reach under async_depth (0: no scheduler)
     * @param firstPollHctx the first poll hctx (the submit queues' count): polled requests live there
     */
    void modern(int schedDepth, int asyncCapacity, int firstPollHctx) {
        kernel70 = true;
        tags.modern(schedDepth, asyncCapacity);
        modern.pollHctxsFrom(firstPollHctx);
        this.firstPollHctx = firstPollHctx;
    }

    /** __blk_flush_plug() of task {@code pid} is over (7.0): its plug's cache must be empty. */
    void plugFinished(int pid) {
        submit70.plugFinished(pid);
    }

    /** Linux 7.0 with several devices numbered as {@code numbers}; {@code depth} normal tags per shared set. */
    void devices70(DeviceNumbers numbers, boolean sharedTags, int depth) {
        shared70.devices(numbers, sharedTags, depth);
    }

    /** blk_add_rq_to_plug() adds the {@code size}th request to task {@code pid}'s plug (7.0). */
    void plugAdded(int pid, Object plug, boolean multipleQueues, int size) {
        shared70.plugAdded(pid, plug, multipleQueues, size);
    }

    /** Linux 7.0's null_blk requeue injection: every Nth queue_rq call, {@code 0} for never. */
    void requeueEvery(int every) {
        requeues.requeueEvery(every);
    }

    /** Linux 7.0 with a per-device dispatch budget (a SCSI-like device): {@code 0} for none. */
    void budget(int budget) {
        this.budget = new BudgetInvariant(budget);
    }

    /** What may be full: request pools, driver commands, device slots; and how many CPUs there are. */
    void limits(Capacity capacity, int cpus) {
        tags.limits(capacity.nrRequests(), capacity.commands());
        device.limits(capacity.deviceGroup(), capacity.deviceSlots(), capacity.roomTakenAt());
        time.cpus(cpus);
    }

    /** xen: dom0's vCPUs are the run's CPUs from {@code firstCpu} on. */
    void dom0From(int firstCpu) {
        domains.dom0From(firstCpu);
    }

    /** The stream as delivered: numbered without gaps, never going back in time. */
    void checkDelivered(Transition t) {
        time.delivered(t);
    }

    /** Each move as the model makes it, against the objects it moves. */
    void check(Transition t, Bio bio, Request rq) {
        shared70.onItsDevice(t, bio, rq);
        budget.check(t, bio, rq);
        if (SnapshotTracker.movesRequest(t)) requeues.moved(t, rq);
        switch (t.kind()) {
            case QUEUE -> {
                paths.queue(t, bio);
                if (kernel70) submit70.queued(bio);
            }
            case SPLIT -> {
                paths.splitOff(bio);
                submit70.split(t, bio);
            }
            case CACHE -> {
                allocate(t, bio, rq);
                submit70.cache(t, rq);
            }
            case GETRQ -> {
                if (rq == null) paths.waiting(t, bio);
                else if (rq.checkedPlace.kind() == PlaceKind.CACHED) takeCached(t, bio, rq);
                else allocate(t, bio, rq);
            }
            case SLEEP -> {
                paths.waiting(t, bio);
                if (!shared70.judgesWait(t, bio)) tags.sleep(t, bio);
            }
            case WAKE -> paths.waiting(t, bio);
            case TAG_GET -> allocate(t, bio, rq);
            case MAKE_REQUEST -> {
                paths.waiting(t, bio);
                paths.handedToDriver(bio);
                tags.commandTaken();
            }
            case BACKMERGE, FRONTMERGE -> paths.merge(t, bio, rq);
            case RQ_MERGE -> {
                paths.move(t, bio, rq);
                requeues.absorbed(t, rq);
            }
            case PLUG, INSERT, CTX_FLUSH -> paths.move(t, bio, rq);
            case ELV_DISPATCH -> {
                paths.move(t, bio, rq);
                if (t.fn().equals("kyber_dispatch_request")) modern.takeToken(t, rq);
            }
            case QUEUE_RQ -> {
                paths.move(t, bio, rq);
                device.taken(t, rq);
            }
            case ISSUE -> {
                requeues.issue(t, rq);
                paths.move(t, bio, rq);
                tags.issue(t, bio, rq);
                device.taken(t, rq);
            }
            case REQUEUE -> {
                // A driver requeue (blk_mq_requeue_request) hands a request back without the device being full.
                boolean byDriver = requeues.driverRequeue(t);
                if (!byDriver) device.full(t, rq, t.hctx());
                requeues.requeue(t, rq);
                if (kernel70 && byDriver) modern.putToken(t, rq);
                paths.move(t, bio, rq);
                tags.requeue(t, rq);
            }
            case COMPLETE -> {
                requeues.ended(t, rq);
                paths.complete(t, bio, rq);
                tags.completed(rq);
                if (kernel70) modern.polledOnPollHctx(t, rq);
            }
            case BIO_END -> {
                paths.bioEnd(t, bio, rq);
                if (kernel70) submit70.ended(bio);
                if (rq == null) tags.commandBack();
            }
            case FREE -> free(t, bio, rq);
            case HCTX_STOP -> device.full(t, null, t.hctx());
            case LOCK_CONTENDED, LOCK_ACQUIRED, LOCK_RELEASE -> locks.lockMove(t);
            case TAG_BUSY -> shared70.tagBusy(t);
            case UNPLUG, RUN_ASYNC, RUN_QUEUE, HCTX_START, IPI -> { }
            case PCPU_WAIT, PCPU_RUN -> { }
            case EVTCHN -> domains.crossesDomains(t);
            case BLKBACK -> {
                domains.inDom0(t, rq);
                dom0Tags.check(t);
            }
        }
    }

    /** A new request: with a tag in blk-mq (TAG_GET), without one in the legacy queue (G). */
    private void allocate(Transition t, Bio bio, Request rq) {
        paths.allocate(t, bio, rq);
        tags.allocate(t, bio, rq);
        shared70.allocated(t, bio, rq);
    }

    /** G of a cached request: it is the task's, of the bio's hctx type (a poll hctx's only for REQ_POLLED). */
    private void takeCached(Transition t, Bio bio, Request rq) {
        submit70.take(t, bio, rq, (rq.hctx.index >= firstPollHctx) == bio.polled);
        paths.takeCached(t, bio, rq);
    }

    private void free(Transition t, Bio bio, Request rq) {
        if (t.from().kind() == PlaceKind.CACHED) submit70.uncache(t, rq);
        requeues.ended(t, rq);
        device.freed(rq);
        paths.freedAfterItsBios(t, bio, rq);
        tags.free(t, bio, rq);
        shared70.freed(rq);
        if (kernel70) modern.putToken(t, rq);
        paths.freed(rq);
    }

    /** At the end of a run: everything queued was ended and every tag came back. */
    void checkEnd(String state) {
        paths.checkEnd(state);
        requeues.checkEnd(state);
    }

    /** 5: one process-context step at a time on each CPU. */
    @Override
    public void processStep(int cpu, long t, long until) {
        time.processStep(cpu, t, until);
        pcpus.step(cpu, t);
    }

    @Override
    public void lockAsked(String lock, int cpu, long t, int holder, String site, boolean irqOff) {
        locks.asked(lock, cpu, t, holder);
    }

    @Override
    public void lockGranted(String lock, int cpu, long askedAt, long t) {
        locks.granted(lock, cpu, askedAt, t);
    }

    @Override
    public void lockReleased(String lock, int cpu, long t) {
        locks.released(lock, cpu, t);
    }
}
