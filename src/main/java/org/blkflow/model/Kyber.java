package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.blkflow.engine.Lock;
import org.blkflow.transition.Place;
import org.blkflow.transition.TransitionKind;

/**
 * The kyber I/O scheduler of 7.0 (block/kyber-iosched.c): requests wait per software queue and
 * domain (read, write, discard, other), and an hctx dispatches a domain's request only with one of
 * that domain's tokens, held until the request is finished. Batches of 16 reads, 8 writes, 1
 * discard or other, then the next domain; with no token the hctx waits on the domain's token wait
 * queue and is run again when a token frees. Writes may hold at most 75 % of the scheduler tags.
 *
 * <p>Modelling choice (spec §3.5 leaves the timer's period and thresholds unverified): the token
 * depths stay at their initial 256 / 128 / 64 / 16; the latency-driven adjustment is not modelled.
 * kyber_flush_busy_kcqs's kcq->lock (taken inside khd->lock) is not modelled; inserts and bio
 * merges take it, and a bio merge takes effect when its scan starts, so a flush cannot take the request
 * from under it. The model's I/O is reads and writes, so discard and other stay empty.
 */
final class Kyber implements Elevator70 {

    static final int READ = 0;
    static final int WRITE = 1;
    static final int DOMAINS = 4;
    /** kyber_depth[]: each domain's token pool. */
    static final int[] DEPTH = {256, 128, 64, 16};
    /** kyber_batch_size[]. */
    static final int[] BATCH = {16, 8, 1, 1};
    /** KYBER_ASYNC_PERCENT: async_depth is this share of nr_requests. */
    static final int ASYNC_PERCENT = 75;

    /** rq->elv.priv[0]: the domain token a dispatched request holds. */
    record Token(int domain, int nr) { }

    /** struct kyber_hctx_data: per-ctx queues by domain, the domains' flushed lists, the batch. */
    static final class Khd {
        final Hctx70 x;
        final Lock lock;
        final Lock[] kcqLock;
        final ArrayDeque<Request>[][] kcqs;
        final boolean[][] kcqMap;
        final ArrayDeque<Request>[] rqs;
        int curDomain;
        int batching;
        /** khd->domain_wait[d] is on a wait queue of domain d's tokens. */
        final boolean[] waiting = new boolean[DOMAINS];

        @SuppressWarnings("unchecked")
        Khd(Machine m, Hctx70 x) {
            this.x = x;
            int n = x.hw.ctxs.size();
            this.lock = m.newLock("khd[" + x.hw.index + "]->lock");
            this.kcqLock = new Lock[n];
            this.kcqs = new ArrayDeque[n][DOMAINS];
            this.kcqMap = new boolean[DOMAINS][n];
            this.rqs = new ArrayDeque[DOMAINS];
            for (int i = 0; i < n; i++) {
                kcqLock[i] = m.newLock("kcq[" + x.hw.index + "." + i + "]->lock");
                for (int d = 0; d < DOMAINS; d++) kcqs[i][d] = new ArrayDeque<>();
            }
            for (int d = 0; d < DOMAINS; d++) rqs[d] = new ArrayDeque<>();
        }

        boolean hasWork() {
            for (int d = 0; d < DOMAINS; d++) {
                if (!rqs[d].isEmpty()) return true;
                for (boolean bit : kcqMap[d]) if (bit) return true;
            }
            return false;
        }
    }

    private final Machine m;
    /** kqd->domain_tokens: one pool per domain for the whole queue. */
    final SbitmapTags<Khd>[] tokens;
    private final Khd[] khds;
    private final CtxMap70 ctxs;
    private final int asyncDepth;
    /** The queue's first hctx number (several devices number hctxs across them): khds is the queue's own. */
    private final int first;
    private Dispatch70 dispatch;

    @SuppressWarnings("unchecked")
    Kyber(Machine m, Hctx70[] hctxs, CtxMap70 ctxs, int nrRequests, int[][] tokenHints) {
        this.m = m;
        this.ctxs = ctxs;
        this.tokens = new SbitmapTags[DOMAINS];
        for (int d = 0; d < DOMAINS; d++) tokens[d] = new SbitmapTags<>(DEPTH[d], 0, DEPTH[d], tokenHints[d]);
        this.khds = new Khd[hctxs.length];
        this.first = hctxs[0].hw.index;
        for (Hctx70 x : hctxs) if (!x.hw.idle()) khds[x.hw.index - first] = new Khd(m, x);
        this.asyncDepth = nrRequests * ASYNC_PERCENT / 100;
    }

    void attach(Dispatch70 dispatch) {
        this.dispatch = dispatch;
    }

    /** kyber_sched_domain(): the model's I/O is reads and writes. */
    static int domain(boolean write) {
        return write ? WRITE : READ;
    }

    /** kyber_has_work(): a flushed request or a busy software queue in any domain. */
    @Override
    public boolean hasWork(Hctx70 x) {
        Khd khd = khds[x.hw.index - first];
        return khd != null && khd.hasWork();
    }

    /** kyber_bio_merge(): blk_bio_list_merge on this CPU's queue of the bio's domain, under kcq->lock. */
    @Override
    public void bioMerge(Task task, Bio bio, Merging merging, Consumer<Boolean> merged) {
        SoftwareQueue ctx = ctxs.of(task.cpu, bio.polled);
        Khd khd = khds[ctx.hctx.index - first];
        ArrayDeque<Request> list = khd.kcqs[ctx.indexHw][domain(bio.write)];
        Lock lock = khd.kcqLock[ctx.indexHw];
        lock.lock(m.cpu(task.cpu), "kyber_bio_merge", () -> {
            // The merge takes effect as the scan finds it: kyber_flush_busy_kcqs would wait for this kcq->lock
            // before it took the request away, and the model's flush does not take it (see the class comment).
            Merging.Plan plan = merging.planListMerge(list, bio);
            if (plan.merges()) merging.apply(plan, bio, task);
            m.after(task.cpu, merging.cost(plan), () -> {
                lock.unlock(m.cpu(task.cpu));
                merged.accept(plan.merges());
            });
        });
    }

    /** kyber_insert_requests(): I, the tail of the request's kcq list for its domain, its kcq_map bit. */
    @Override
    public void insert(List<Request> list, Place from, int cpu, Actor actor, Runnable done) {
        insertEach(list, 0, false, from, cpu, actor, done);
    }

    /** kyber_insert_requests() with BLK_MQ_INSERT_AT_HEAD (the requeue work): the head of the kcq list. */
    @Override
    public void insertAtHead(Request rq, Place from, int cpu, Actor actor, Runnable done) {
        insertEach(List.of(rq), 0, true, from, cpu, actor, done);
    }

    private void insertEach(List<Request> list, int i, boolean head, Place from, int cpu, Actor actor, Runnable done) {
        if (i == list.size()) {
            done.run();
            return;
        }
        Request rq = list.get(i);
        Khd khd = khds[rq.hctx.index - first];
        Lock lock = khd.kcqLock[rq.ctx.indexHw];
        lock.lock(m.cpu(cpu), "kyber_insert_requests", () -> m.after(cpu, m.costs.insertNs(), () -> {
            int d = domain(rq.write);
            if (head) khd.kcqs[rq.ctx.indexHw][d].addFirst(rq);
            else khd.kcqs[rq.ctx.indexHw][d].addLast(rq);
            khd.kcqMap[d][rq.ctx.indexHw] = true;
            m.emit.request(TransitionKind.INSERT, "I", "kyber_insert_requests", cpu, actor, rq, from, Place.elevator(rq.hctx.device));
            lock.unlock(m.cpu(cpu));
            insertEach(list, i + 1, head, from, cpu, actor, done);
        }));
    }

    /**
     * kyber_dispatch_request() under khd->lock: the current domain while its batch lasts, else the
     * next domains in turn (wrapping back to this one); null when none has a request and a token.
     */
    @Override
    public void dispatchRequest(Hctx70 x, int cpu, Actor actor, Consumer<Request> next) {
        Khd khd = khds[x.hw.index - first];
        khd.lock.lock(m.cpu(cpu), "kyber_dispatch_request", () -> m.after(cpu, m.costs.dispatchNs(), () -> {
            Request rq = null;
            if (khd.batching < BATCH[khd.curDomain]) rq = dispatchCurDomain(khd, cpu);
            if (rq == null) {
                khd.batching = 0;
                for (int i = 0; i < DOMAINS && rq == null; i++) {
                    khd.curDomain = (khd.curDomain + 1) % DOMAINS;
                    rq = dispatchCurDomain(khd, cpu);
                }
            }
            if (rq != null) {
                m.emit.request(TransitionKind.ELV_DISPATCH, null, "kyber_dispatch_request", cpu, actor, rq,
                        Place.elevator(rq.hctx.device), Place.hctx(rq.hctx.index));
            }
            khd.lock.unlock(m.cpu(cpu));
            next.accept(rq);
        }));
    }

    /**
     * kyber_dispatch_cur_domain(): a flushed request, or — only if a token is to be had — the busy
     * software queues flushed first (so requests left there can still merge); the token goes with it.
     */
    private Request dispatchCurDomain(Khd khd, int cpu) {
        int d = khd.curDomain;
        boolean busy = false;
        for (boolean bit : khd.kcqMap[d]) busy |= bit;
        if (khd.rqs[d].isEmpty() && !busy) return null;
        int nr = getDomainToken(khd, d, cpu);
        if (nr < 0) return null;
        if (khd.rqs[d].isEmpty()) flushBusyKcqs(khd, d);
        Request rq = khd.rqs[d].poll();
        khd.batching++;
        tokens[d].assign(nr, rq);
        rq.elvPrivate = new Token(d, nr);
        return rq;
    }

    /**
     * kyber_get_domain_token(): on failure the hctx joins a wait queue of the domain's tokens (once)
     * and looks again; a token got while queued takes it off the wait queue.
     */
    private int getDomainToken(Khd khd, int d, int cpu) {
        int nr = tokens[d].get(cpu);
        if (nr < 0 && !khd.waiting[d]) {
            tokens[d].prepareToWait(khd);
            khd.waiting[d] = true;
            nr = tokens[d].get(cpu);
        }
        if (nr >= 0 && khd.waiting[d]) {
            tokens[d].finishWait(khd);
            khd.waiting[d] = false;
        }
        return nr;
    }

    /** kyber_flush_busy_kcqs(): every busy software queue's list of the domain, in index_hw order. */
    private static void flushBusyKcqs(Khd khd, int d) {
        for (int i = 0; i < khd.kcqs.length; i++) {
            if (!khd.kcqMap[d][i]) continue;
            khd.rqs[d].addAll(khd.kcqs[i][d]);
            khd.kcqs[i][d].clear();
            khd.kcqMap[d][i] = false;
        }
    }

    /**
     * kyber_finish_request(): the token goes back (hint on the request's CPU); an hctx woken from the
     * token wait queue is run asynchronously (kyber_domain_wake).
     */
    @Override
    public void finishRequest(Request rq, int cpu, Actor actor) {
        if (!(rq.elvPrivate instanceof Token token)) return;
        for (Khd khd : tokens[token.domain()].put(token.nr(), rq.ctx.cpu)) {
            khd.waiting[token.domain()] = false;
            dispatch.run(khd.x, true, cpu, actor, Machine.END);
        }
    }

    /** .requeue_request = kyber_finish_request: the token back now; a new one at the next dispatch. */
    @Override
    public void requeueRequest(Request rq, int cpu, Actor actor) {
        finishRequest(rq, cpu, actor);
        rq.elvPrivate = null;
    }

    /** kyber_depth_updated(): async_depth = 75 % of nr_requests. */
    @Override
    public int asyncDepth() {
        return asyncDepth;
    }

    /** kyber clears QUEUE_FLAG_SQ_SCHED: each hctx has its own queues. */
    @Override
    public boolean singleQueue() {
        return false;
    }

    /** Tokens held by a domain now (for snapshots and tests). */
    int tokensInUse(int domain) {
        return tokens[domain].inUse();
    }
}
