package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.engine.CpuObserver;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;

/**
 * The model's BUG_ONs, all in one place. Every transition is checked against shadow state that only
 * this class writes, so a model that moves a request without saying so, or says so twice, is caught
 * at the transition where it happened instead of drawing a wrong picture.
 *
 * <p>The whole-system checks rebuild what a viewer of the stream would see at that step: a sleep
 * for a tag, a request or a driver command only when the stream shows every one of them held; a
 * stopped queue or a requeue only when the stream shows the device full. CPUs and locks are not
 * request transitions, so the engine reports them here directly ({@link CpuObserver}): one
 * process-context step at a time per CPU, and ticket-lock order with each wait covered by holds.
 */
final class Invariants implements CpuObserver {

    /** What the stream must show full before anyone may wait for it, by interface and driver. */
    record Capacity(int nrRequests, int commands, int[] deviceGroup, int deviceSlots, boolean deviceFromIssue) {
        static final Capacity NONE = new Capacity(0, 0, new int[0], 0, false);
    }

    private Capacity capacity = Capacity.NONE;
    private final int[] tagsHeld;
    private final int[] requestsAllocated = new int[2];
    private int commandsInUse;
    private int[] inDevice = new int[0];
    private long[] cpuBusyUntil = new long[0];
    /** The first of dom0's vCPUs among the run's CPUs; none without xen. */
    private int dom0From = Integer.MAX_VALUE;
    private final Map<String, LockShadow> locks = new HashMap<>();

    /** A lock as the checker sees it: who holds it, since when, who waits, and the holds so far. */
    private static final class LockShadow {
        int holder = -1;
        long grantedAt;
        long holdTotal;
        final ArrayDeque<long[]> waiters = new ArrayDeque<>();
    }

    private final Request[][] tagOwner;
    private final int[] started;
    private final int depth;
    private final int reserved;
    private final int maxSectors;
    private final int maxSegments;
    private long expectedSeq;
    private long lastTime;
    private long queued;
    private long ended;
    private long liveRequests;

    private boolean modern;
    private int schedDepth;
    private Request[][] schedOwner = new Request[0][0];
    private int[] schedHeld = new int[0];
    private int asyncCapacity;
    private int firstPollHctx = Integer.MAX_VALUE;
    /** kyber's domain tokens as the stream's elv_dispatch and free hand them out and back. */
    private final Request[][] tokenOwner = new Request[Kyber.DOMAINS][];
    private final int[] tokensHeld = new int[Kyber.DOMAINS];
    /** 7.0's dispatch budget (Wiring70 sets it for a device with one). */
    BudgetInvariant budget = new BudgetInvariant(0);

    /** What bounds started requests per queue: the tags, or the driver's commands or ring slots. */
    private final int startedLimit;

    Invariants(int hwQueues, int depth, int reserved, int maxSectors, int maxSegments) {
        this(hwQueues, depth, reserved, maxSectors, maxSegments, depth - reserved);
    }

    Invariants(int hwQueues, int depth, int reserved, int maxSectors, int maxSegments, int startedLimit) {
        this.startedLimit = startedLimit;
        this.tagsHeld = new int[hwQueues];
        this.tagOwner = new Request[hwQueues][depth];
        this.started = new int[hwQueues];
        this.depth = depth;
        this.reserved = reserved;
        this.maxSectors = maxSectors;
        this.maxSegments = maxSegments;
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
        this.modern = true;
        this.firstPollHctx = firstPollHctx;
        this.asyncCapacity = asyncCapacity;
        this.schedDepth = schedDepth;
        this.schedOwner = new Request[tagsHeld.length][Math.max(schedDepth, 0)];
        this.schedHeld = new int[tagsHeld.length];
    }

    /** What may be full: request pools, driver commands, device slots; and how many CPUs there are. */
    void limits(Capacity capacity, int cpus) {
        this.capacity = capacity;
        this.inDevice = new int[capacity.deviceGroup().length == 0 ? 1 : capacity.deviceGroup().length];
        this.cpuBusyUntil = new long[cpus];
    }

    /** The stream as delivered: numbered without gaps, never going back in time. */
    void checkDelivered(Transition t) {
        if (!(t.seq() == expectedSeq++)) fail("seq-order", "expected seq " + (expectedSeq - 1), t, null, null);
        if (!(t.t() >= lastTime)) fail("time-monotonic", "time went back from " + lastTime, t, null, null);
        lastTime = t.t();
    }

    /** Each move as the model makes it, against the objects it moves. */
    void check(Transition t, Bio bio, Request rq) {
        budget.check(t);
        switch (t.kind()) {
            case QUEUE -> queue(t, bio);
            case GETRQ -> {
                if (rq == null) waiting(t, bio);
                else allocate(t, bio, rq);
            }
            case SLEEP -> {
                waiting(t, bio);
                if (modern) sleepOnlyWhenFull70(t, bio);
                else sleepOnlyWhenFull(t, bio);
            }
            case WAKE -> waiting(t, bio);
            case TAG_GET -> allocate(t, bio, rq);
            case MAKE_REQUEST -> {
                waiting(t, bio);
                bio.checkedInDevice = true;
                commandsInUse++;
            }
            case BACKMERGE, FRONTMERGE -> merge(t, bio, rq);
            case PLUG, INSERT, CTX_FLUSH -> move(t, bio, rq);
            case ELV_DISPATCH -> {
                move(t, bio, rq);
                if (t.fn().equals("kyber_dispatch_request")) takeToken(t, rq);
            }
            case QUEUE_RQ -> {
                move(t, bio, rq);
                if (!capacity.deviceFromIssue()) inDevice[deviceGroup(rq.hctx.index)]++;
            }
            case ISSUE -> {
                issue(t, bio, rq);
                if (capacity.deviceFromIssue()) inDevice[deviceGroup(rq.hctx.index)]++;
            }
            case REQUEUE -> {
                deviceFull(t, rq, t.hctx());
                move(t, bio, rq);
                started[rq.hctx.index]--;
                if (modern && rq.internalTag >= 0) putDriverTag(t, rq);
            }
            case COMPLETE -> {
                complete(t, bio, rq);
                if (modern) polledOnPollHctx(t, rq);
                if (!capacity.deviceFromIssue()) inDevice[deviceGroup(rq.hctx.index)]--;
            }
            case BIO_END -> {
                bioEnd(t, bio, rq);
                if (rq == null) commandsInUse--;
            }
            case FREE -> {
                // A legacy driver's command (null_blk's driver tag) comes back after the request is freed.
                if (capacity.deviceFromIssue()) inDevice[deviceGroup(rq.hctx.index)]--;
                free(t, bio, rq);
            }
            case HCTX_STOP -> deviceFull(t, null, t.hctx());
            case LOCK_CONTENDED, LOCK_ACQUIRED, LOCK_RELEASE -> lockMove(t);
            case UNPLUG, RUN_ASYNC, RUN_QUEUE, HCTX_START, IPI -> { }
            case EVTCHN -> crossesDomains(t);
            case BLKBACK -> inDom0(t, rq);
        }
    }

    /** xen: dom0's vCPUs are the run's CPUs from {@code firstCpu} on. */
    void dom0From(int firstCpu) {
        this.dom0From = firstCpu;
    }

    /** 7: an event-channel send goes from one domain to the other, never within one. */
    private void crossesDomains(Transition t) {
        if ((t.cpu() >= dom0From) == (t.count() >= dom0From)) fail("evtchn-across-domains",
                "notify_remote_via_irq from cpu " + t.cpu() + " to cpu " + t.count() + " stays in one domain", t,
                null, null);
    }

    /** 7: blkback runs on dom0's vCPUs, on requests the stream shows in the device. */
    private void inDom0(Transition t, Request rq) {
        if (t.cpu() < dom0From) fail("blkback-in-dom0", t.fn() + " runs on guest cpu " + t.cpu(), t, null, rq);
        if (rq != null && !(rq.checkedPlace.kind() == PlaceKind.DEVICE)) fail("blkback-on-device-request",
                t.fn() + " on a request the stream shows in " + rq.checkedPlace, t, null, rq);
    }

    /**
     * 4, as the stream says it: a lock move agrees with the lock as the engine reported it just before
     * (the spinner named holds a ticket behind the holder named, the grant went to that CPU, a
     * release left the lock free with nobody in line). The figure draws these moves.
     */
    private void lockMove(Transition t) {
        LockShadow s = locks.get(t.lock());
        String at = t.lock() + " " + t.kind().label() + " on cpu " + t.cpu();
        if (s == null) fail("lock-move", at + " for a lock never asked for", t, null, null);
        switch (t.kind()) {
            case LOCK_CONTENDED -> {
                long[] last = s.waiters.peekLast();
                if (!(s.holder == t.count() && last != null && last[0] == t.cpu())) fail("lock-move", at
                        + " names holder cpu " + t.count() + " but cpu " + s.holder + " holds it", t, null, null);
            }
            case LOCK_ACQUIRED -> {
                if (!(s.holder == t.cpu() && t.count() >= 0)) fail("lock-move", at + " while cpu " + s.holder
                        + " holds it", t, null, null);
            }
            default -> {
                if (!(s.holder < 0 && s.waiters.isEmpty())) fail("lock-move", at + " while "
                        + s.waiters.size() + " CPUs wait for it", t, null, null);
            }
        }
    }

    /** 1–2: S (and a re-sleep) only when the stream shows every tag, request or command held. */
    private void sleepOnlyWhenFull(Transition t, Bio bio) {
        switch (t.fn()) {
            case "blk_mq_map_request", "bt_get" -> {
                if (!(tagsHeld[t.hctx()] == depth - reserved)) fail("sleep-when-no-tag",
                    "sleeps for a tag of hctx " + t.hctx() + " with " + tagsHeld[t.hctx()] + " of "
                            + (depth - reserved) + " normal tags held", t, bio, null);
            }
            case "get_request" -> {
                int cls = bio.sync ? 1 : 0;
                if (!(requestsAllocated[cls] >= capacity.nrRequests())) fail("sleep-when-no-request",
                        "sleeps in get_request with " + requestsAllocated[cls] + " of " + capacity.nrRequests()
                                + (bio.sync ? " sync" : " async") + " requests allocated", t, bio, null);
            }
            case "alloc_cmd" -> {
                if (!(commandsInUse >= capacity.commands())) fail("sleep-when-no-command",
                    "sleeps in alloc_cmd with " + commandsInUse + " of " + capacity.commands() + " commands in use",
                    t, bio, null);
            }
            default -> { }
        }
    }

    /** 3: a queue stops, or a request comes back BUSY, only when the device has no room left. */
    private void deviceFull(Transition t, Request rq, int hctx) {
        if (capacity.deviceSlots() <= 0) return;
        int group = deviceGroup(hctx);
        if (!(inDevice[group] >= capacity.deviceSlots())) fail("busy-when-device-full",
                t.kind().label() + " with " + inDevice[group] + " of " + capacity.deviceSlots()
                        + " device slots in use", t, null, rq);
    }

    private int deviceGroup(int hctx) {
        return capacity.deviceGroup().length == 0 ? 0 : capacity.deviceGroup()[hctx];
    }

    // --- CPUs and locks, as the engine reports them -----------------------------------------------

    /** 5: one process-context step at a time on each CPU. */
    @Override
    public void processStep(int cpu, long t, long until) {
        if (cpu >= cpuBusyUntil.length) return;
        if (t < cpuBusyUntil[cpu]) {
            throw new InvariantViolation("one-step-per-cpu", "cpu " + cpu + " starts a process-context step at "
                    + t + " ns while its previous one runs until " + cpuBusyUntil[cpu] + " ns", null, "");
        }
        cpuBusyUntil[cpu] = until;
    }

    @Override
    public void lockAsked(String lock, int cpu, long t, int holder, String site, boolean irqOff) {
        LockShadow s = locks.computeIfAbsent(lock, k -> new LockShadow());
        if (holder != s.holder) {
            throw new InvariantViolation("lock-state", lock + " asked for by cpu " + cpu + " at " + t
                    + " ns: the engine says it is " + (holder >= 0 ? "held by cpu " + holder : "free") + " but it is "
                    + (s.holder >= 0 ? "held by cpu " + s.holder : "free"), null, "");
        }
        if (holder >= 0) s.waiters.add(new long[] {cpu, t, s.holdTotal});
    }

    /** 4: granted only when free, to the first in line, and no wait longer than the holds it waited for. */
    @Override
    public void lockGranted(String lock, int cpu, long askedAt, long t) {
        LockShadow s = locks.computeIfAbsent(lock, k -> new LockShadow());
        if (s.holder >= 0) {
            throw new InvariantViolation("lock-granted-when-free", lock + " granted to cpu " + cpu + " at " + t
                    + " ns while cpu " + s.holder + " holds it", null, "");
        }
        if (!s.waiters.isEmpty()) {
            // A ticket lock is never free while CPUs spin: the grant goes to the first in line.
            long[] first = s.waiters.poll();
            if (first[0] != cpu || first[1] != askedAt) {
                throw new InvariantViolation("lock-fifo", lock + " granted to cpu " + cpu + " (asked at " + askedAt
                        + " ns) before cpu " + first[0] + " (asked at " + first[1] + " ns)", null, "");
            }
            long held = s.holdTotal - first[2];
            if (t - askedAt > held) {
                throw new InvariantViolation("lock-wait-covered", lock + ": cpu " + cpu + " waited " + (t - askedAt)
                        + " ns, longer than the " + held + " ns of holds granted meanwhile", null, "");
            }
        } else if (t != askedAt) {
            throw new InvariantViolation("lock-fifo", lock + " granted to cpu " + cpu + " at " + t
                    + " ns after a wait nobody recorded (asked at " + askedAt + " ns)", null, "");
        }
        s.holder = cpu;
        s.grantedAt = t;
    }

    @Override
    public void lockReleased(String lock, int cpu, long t) {
        LockShadow s = locks.get(lock);
        if (s == null || s.holder != cpu) {
            throw new InvariantViolation("lock-released-by-holder", lock + " released by cpu " + cpu + " at " + t
                    + " ns but held by " + (s == null || s.holder < 0 ? "nobody" : "cpu " + s.holder), null, "");
        }
        s.holdTotal += t - s.grantedAt;
        s.holder = -1;
    }

    /** At the end of a run: everything queued was ended and every tag came back. */
    void checkEnd(String state) {
        if (queued != ended) {
            throw new InvariantViolation("every-bio-completes", queued + " bios queued but " + ended + " ended",
                    null, state);
        }
        if (liveRequests != 0) {
            throw new InvariantViolation("tags-returned", liveRequests + " requests still hold tags", null, state);
        }
    }

    private void queue(Transition t, Bio bio) {
        if (!(!bio.checkedQueued)) fail("bio-queued-once", "bio " + bio.id + " queued twice", t, bio, null);
        bio.checkedQueued = true;
        queued++;
    }

    private void waiting(Transition t, Bio bio) {
        if (!(bio.checkedQueued && bio.checkedOwner == null && !bio.checkedInDevice)) fail("bio-in-one-place",
                "bio " + bio.id + " is not waiting for a request", t, bio, null);
    }

    /** A new request: with a tag in blk-mq (TAG_GET), without one in the legacy queue (G). */
    private void allocate(Transition t, Bio bio, Request rq) {
        if (!(rq.checkedPlace.kind() == PlaceKind.NONE)) fail("request-in-one-place",
                "request " + rq.id + " allocated twice", t, bio, rq);
        if (modern && rq.internalTag >= 0) {
            if (!(rq.internalTag < schedDepth)) fail("tag-range", "scheduler tag " + rq.internalTag + " outside [0, "
                    + schedDepth + ")", t, bio, rq);
            Request holder = schedOwner[rq.hctx.index][rq.internalTag];
            if (!(holder == null)) fail("tag-unique", "scheduler tag " + rq.internalTag + " of hctx " + rq.hctx.index
                    + " already held by request " + (holder == null ? -1 : holder.id), t, bio, rq);
            if (!(rq.tag < 0)) fail("two-tag-levels", "request " + rq.id + " has a driver tag before dispatch", t, bio, rq);
            schedOwner[rq.hctx.index][rq.internalTag] = rq;
            schedHeld[rq.hctx.index]++;
        } else if (rq.tag >= 0) {
            takeDriverTag(t, bio, rq);
        } else {
            requestsAllocated[rq.sync ? 1 : 0]++;
        }
        rq.checkedPlace = t.to();
        liveRequests++;
    }

    /** A driver tag: in range, normal, not held by another request. */
    private void takeDriverTag(Transition t, Bio bio, Request rq) {
        if (!(rq.tag >= reserved && rq.tag < depth)) fail("tag-range",
                "tag " + rq.tag + " outside normal tags [" + reserved + ", " + depth + ")", t, bio, rq);
        Request holder = tagOwner[rq.hctx.index][rq.tag];
        if (!(holder == null)) fail("tag-unique", "tag " + rq.tag + " of hctx " + rq.hctx.index
                + " already held by request " + (holder == null ? -1 : holder.id), t, bio, rq);
        tagOwner[rq.hctx.index][rq.tag] = rq;
        tagsHeld[rq.hctx.index]++;
        rq.checkedDriverTag = rq.tag;
    }

    /** 7.0's __blk_mq_requeue_request(): a scheduler-tagged request gives its driver tag back. */
    private void putDriverTag(Transition t, Request rq) {
        if (!(rq.tag < 0 && rq.checkedDriverTag >= 0)) fail("two-tag-levels", "request " + rq.id
                + " requeued without putting its driver tag", t, null, rq);
        tagOwner[rq.hctx.index][rq.checkedDriverTag] = null;
        tagsHeld[rq.hctx.index]--;
        rq.checkedDriverTag = -1;
    }

    /** 7.0 has no block_sleeprq: a tag wait carries no letter, and only when its pool is all held. */
    private void sleepOnlyWhenFull70(Transition t, Bio bio) {
        if (!(t.action() == null)) fail("no-sleeprq-in-7.0", "7.0 traces no S (block_sleeprq went in 5.11)", t, bio, null);
        int h = t.hctx();
        boolean sched = schedDepth > 0;
        int held = sched ? schedHeld[h] : tagsHeld[h];
        int all = !sched ? depth - reserved : bio.write ? asyncCapacity : schedDepth;
        if (!(held >= all && held <= (sched ? schedDepth : depth - reserved))) fail("sleep-when-no-tag", "waits for a " + (sched ? "scheduler" : "driver") + " tag of hctx "
                + h + " with " + held + " of " + all + " held", t, bio, null);
    }

    /**
     * 7.0: a polled request lives on a poll hctx and completes there, in the task that polls (never
     * in an interrupt); nothing else completes on a poll hctx, and batch completion is only for them.
     */
    private void polledOnPollHctx(Transition t, Request rq) {
        boolean pollHctx = rq.hctx.index >= firstPollHctx;
        if (!(rq.polled == pollHctx)) fail("poll-on-poll-hctx", (rq.polled ? "polled" : "unpolled") + " request "
                + rq.id + " completes on " + (pollHctx ? "poll " : "") + "hctx " + rq.hctx.index, t, null, rq);
        if (!(!rq.polled || t.pid() >= Workload.FIRST_PID)) fail("poll-on-poll-hctx", "polled request " + rq.id
                + " completes outside the polling task", t, null, rq);
        if (!(rq.polled || !t.fn().equals("blk_complete_request"))) fail("poll-on-poll-hctx",
                "request " + rq.id + " batch-completed without being polled", t, null, rq);
    }

    /** kyber: a request leaves its domain's queue only with a token of that domain nobody else holds. */
    private void takeToken(Transition t, Request rq) {
        if (!(rq.elvPrivate instanceof Kyber.Token token) || token.domain() != Kyber.domain(rq.write)) {
            fail("kyber-token", "request " + rq.id + " dispatched by kyber without a token of its domain", t, null, rq);
            return;
        }
        int d = token.domain();
        if (tokenOwner[d] == null) tokenOwner[d] = new Request[Kyber.DEPTH[d]];
        if (!(token.nr() >= 0 && token.nr() < Kyber.DEPTH[d] && tokenOwner[d][token.nr()] == null)) fail("kyber-token",
                "token " + token.nr() + " of domain " + d + " is out of range or already held", t, null, rq);
        tokenOwner[d][token.nr()] = rq;
        if (!(++tokensHeld[d] <= Kyber.DEPTH[d])) fail("kyber-token", tokensHeld[d] + " tokens of domain " + d
                + " held, more than its depth " + Kyber.DEPTH[d], t, null, rq);
    }

    /** kyber_finish_request(): the token the request took comes back once; the count never goes below 0. */
    private void putToken(Transition t, Request rq, Kyber.Token token) {
        int d = token.domain();
        if (!(tokenOwner[d] != null && tokenOwner[d][token.nr()] == rq)) fail("kyber-token", "request " + rq.id
                + " frees token " + token.nr() + " of domain " + d + " it does not hold", t, null, rq);
        tokenOwner[d][token.nr()] = null;
        if (!(--tokensHeld[d] >= 0)) fail("kyber-token", "domain " + d + " tokens held went negative", t, null, rq);
    }

    private void merge(Transition t, Bio bio, Request rq) {
        if (!(bio.checkedQueued && bio.checkedOwner == null)) fail("bio-in-one-place",
                "bio " + bio.id + " merged while not free", t, bio, rq);
        if (!(!rq.started && isLive(rq))) fail("merge-target", "merge into a started or dead request", t, bio, rq);
        boolean adjacent = t.action().equals("M") ? rq.end() == bio.end() : rq.sector == bio.sector;
        if (!(adjacent)) fail("merge-adjacent", "bio " + bio.sector + "+" + bio.sectors + " is not at the "
                + (t.action().equals("M") ? "back" : "front") + " of request " + rq.sector + "+" + rq.sectors, t, bio, rq);
        if (!(rq.checkedSectors + bio.sectors == rq.sectors)) fail("sectors-conserved",
                "request grew by " + (rq.sectors - rq.checkedSectors) + " for a bio of " + bio.sectors, t, bio, rq);
        if (!(rq.sectors <= maxSectors && rq.segments <= maxSegments)) fail("merge-limits",
                "request of " + rq.sectors + " sectors, " + rq.segments + " segments exceeds the queue limits",
                t, bio, rq);
        rq.checkedSectors = rq.sectors;
        bio.checkedOwner = rq;
    }

    private void move(Transition t, Bio bio, Request rq) {
        if (!(t.from().equals(rq.checkedPlace))) fail("request-in-one-place", "request " + rq.id + " moved from "
                + t.from() + " but it was in " + rq.checkedPlace, t, bio, rq);
        if (rq.checkedSectors == 0) {
            if (!(rq.bios.size() == 1)) fail("request-has-bio", "request " + rq.id + " moved without a bio", t, bio, rq);
            rq.checkedSectors = rq.sectors;
            rq.bios.get(0).checkedOwner = rq;
        }
        rq.checkedPlace = t.to();
    }

    private void issue(Transition t, Bio bio, Request rq) {
        move(t, bio, rq);
        if (modern && rq.checkedDriverTag < 0) takeDriverTag(t, bio, rq);
        int n = ++started[rq.hctx.index];
        if (!(n <= startedLimit)) fail("started-within-tags", n + " started requests on hctx "
                + rq.hctx.index + " with room for " + startedLimit, t, bio, rq);
    }

    private void complete(Transition t, Bio bio, Request rq) {
        move(t, bio, rq);
        started[rq.hctx.index]--;
        long sum = 0;
        for (Bio b : rq.bios) sum += b.sectors;
        if (!(sum == rq.sectors && rq.sectors == rq.checkedSectors)) fail("sectors-conserved",
                "request " + rq.id + " completes " + rq.sectors + " sectors, its bios hold " + sum, t, bio, rq);
    }

    private void bioEnd(Transition t, Bio bio, Request rq) {
        if (!(bio.checkedQueued && !bio.checkedEnded)) fail("bio-ended-once", "bio " + bio.id
                + (bio.checkedEnded ? " ended twice" : " ended before it was queued"), t, bio, rq);
        boolean viaRequest = rq != null && bio.checkedOwner == rq && rq.checkedPlace.equals(Place.DONE);
        boolean viaDriver = rq == null && bio.checkedInDevice;
        if (!(viaRequest || viaDriver)) fail("bio-ends-with-request",
                "bio " + bio.id + " ended outside a completed request", t, bio, rq);
        bio.checkedEnded = true;
        ended++;
    }

    private void free(Transition t, Bio bio, Request rq) {
        if (modern) {
            free70(t, bio, rq);
            return;
        }
        if (!(rq.tag < 0 || tagOwner[rq.hctx.index][rq.tag] == rq)) fail("tag-unique", "request " + rq.id
                + " frees tag " + rq.tag + " it does not hold", t, bio, rq);
        for (Bio b : rq.bios) {
            if (!(b.checkedEnded)) fail("tag-freed-on-completion", "request " + rq.id + " freed before bio "
                    + b.id + " ended", t, bio, rq);
        }
        if (rq.tag >= 0) {
            tagOwner[rq.hctx.index][rq.tag] = null;
            tagsHeld[rq.hctx.index]--;
        } else {
            requestsAllocated[rq.sync ? 1 : 0]--;
        }
        rq.checkedPlace = Place.NONE;
        liveRequests--;
    }

    /** 7.0: the driver tag (if dispatch gave it one) and the scheduler tag both come back. */
    private void free70(Transition t, Bio bio, Request rq) {
        for (Bio b : rq.bios) {
            if (!(b.checkedEnded)) fail("tag-freed-on-completion", "request " + rq.id + " freed before bio "
                    + b.id + " ended", t, bio, rq);
        }
        if (rq.checkedDriverTag >= 0) {
            if (!(tagOwner[rq.hctx.index][rq.checkedDriverTag] == rq && rq.tag == rq.checkedDriverTag)) fail("tag-unique",
                    "request " + rq.id + " frees driver tag " + rq.tag + " it does not hold", t, bio, rq);
            tagOwner[rq.hctx.index][rq.checkedDriverTag] = null;
            tagsHeld[rq.hctx.index]--;
        }
        if (rq.internalTag >= 0) {
            schedOwner[rq.hctx.index][rq.internalTag] = null;
            schedHeld[rq.hctx.index]--;
        }
        if (rq.elvPrivate instanceof Kyber.Token token) putToken(t, rq, token);
        rq.checkedPlace = Place.NONE;
        liveRequests--;
    }

    private static boolean isLive(Request rq) {
        PlaceKind k = rq.checkedPlace.kind();
        return k != PlaceKind.NONE && k != PlaceKind.DONE;
    }

    /** Only called once a check has failed, so the report is built only then. */
    private static void fail(String invariant, String detail, Transition t, Bio bio, Request rq) {
        throw new InvariantViolation(invariant, detail, t, describe(bio, rq));
    }

    private static String describe(Bio bio, Request rq) {
        StringBuilder s = new StringBuilder();
        if (bio != null) {
            s.append("bio ").append(bio.id).append(": ").append(bio.rwbs).append(' ').append(bio.sector)
                    .append(" + ").append(bio.sectors).append(" from cpu ").append(bio.task.cpu).append('\n');
        }
        if (rq != null) {
            s.append("request ").append(rq.id).append(": ").append(rq.rwbs()).append(' ').append(rq.sector)
                    .append(" + ").append(rq.sectors).append(", tag ").append(rq.tag).append(", hctx ")
                    .append(rq.hctx.index).append(", in ").append(rq.place).append(", bios ");
            for (Bio b : rq.bios) s.append(b.id).append(' ');
            s.append('\n');
        }
        return s.toString();
    }
}
