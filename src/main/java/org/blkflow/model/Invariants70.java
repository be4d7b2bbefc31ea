package org.blkflow.model;

import static org.blkflow.model.Oops.fail;

import org.blkflow.transition.Transition;

/**
 * 6, the structures 7.0 adds beyond its two tag levels (those are {@link TagInvariants}'): kyber
 * dispatches a request only with a token of its domain nobody else holds and gets every token back
 * once; a polled request lives on a poll hctx and completes there in the polling task, and only
 * polled requests are batch-completed.
 */
final class Invariants70 {

    /** kyber's domain tokens as the stream's elv_dispatch and free hand them out and back. */
    /** Per device (each request_queue has its own kyber and tokens), then per domain. */
    private final Request[][][] tokenOwner = new Request[org.blkflow.scenario.Device.MAX_COUNT][Kyber.DOMAINS][];
    private final int[][] tokensHeld = new int[org.blkflow.scenario.Device.MAX_COUNT][Kyber.DOMAINS];
    private int firstPollHctx = Integer.MAX_VALUE;

    void pollHctxsFrom(int firstPollHctx) {
        this.firstPollHctx = firstPollHctx;
    }

    /** kyber: a request leaves its domain's queue only with a token of that domain nobody else holds. */
    void takeToken(Transition t, Request rq) {
        if (!(rq.elvPrivate instanceof Kyber.Token token) || token.domain() != Kyber.domain(rq.write)) {
            fail("kyber-token", "request " + rq.id + " dispatched by kyber without a token of its domain", t, null, rq);
            return;
        }
        int d = token.domain();
        Request[][] tokenOwner = this.tokenOwner[rq.hctx.device];
        int[] tokensHeld = this.tokensHeld[rq.hctx.device];
        if (tokenOwner[d] == null) tokenOwner[d] = new Request[Kyber.DEPTH[d]];
        if (!(token.nr() >= 0 && token.nr() < Kyber.DEPTH[d] && tokenOwner[d][token.nr()] == null)) fail("kyber-token",
                "token " + token.nr() + " of domain " + d + " is out of range or already held", t, null, rq);
        tokenOwner[d][token.nr()] = rq;
        if (!(++tokensHeld[d] <= Kyber.DEPTH[d])) fail("kyber-token", tokensHeld[d] + " tokens of domain " + d
                + " held, more than its depth " + Kyber.DEPTH[d], t, null, rq);
    }

    /** kyber_finish_request(): the token the request took comes back once; the count never goes below 0. */
    void putToken(Transition t, Request rq) {
        if (!(rq.elvPrivate instanceof Kyber.Token token)) return;
        int d = token.domain();
        Request[][] tokenOwner = this.tokenOwner[rq.hctx.device];
        int[] tokensHeld = this.tokensHeld[rq.hctx.device];
        if (!(tokenOwner[d] != null && tokenOwner[d][token.nr()] == rq)) fail("kyber-token", "request " + rq.id
                + " frees token " + token.nr() + " of domain " + d + " it does not hold", t, null, rq);
        tokenOwner[d][token.nr()] = null;
        if (!(--tokensHeld[d] >= 0)) fail("kyber-token", "domain " + d + " tokens held went negative", t, null, rq);
    }

    /** A polled request completes on its poll hctx in the task that polls (never in an interrupt). */
    void polledOnPollHctx(Transition t, Request rq) {
        boolean pollHctx = rq.hctx.index >= firstPollHctx;
        if (!(rq.polled == pollHctx)) fail("poll-on-poll-hctx", (rq.polled ? "polled" : "unpolled") + " request "
                + rq.id + " completes on " + (pollHctx ? "poll " : "") + "hctx " + rq.hctx.index, t, null, rq);
        if (!(!rq.polled || t.pid() >= Workload.FIRST_PID)) fail("poll-on-poll-hctx", "polled request " + rq.id
                + " completes outside the polling task", t, null, rq);
        if (!(rq.polled || !t.fn().equals("blk_complete_request"))) fail("poll-on-poll-hctx",
                "request " + rq.id + " batch-completed without being polled", t, null, rq);
    }
}
