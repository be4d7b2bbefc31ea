package org.blkflow.model;

import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.Transition;

/**
 * Linux 7.0 with several devices: a tag set shared by every device's hctx of one index is never held
 * past its depth; after an allocation an active hctx of a shared set holds no more than its fair share
 * (hctx_may_queue); a tag wait on a shared set is legal when the set is full or the hctx is at its
 * share; a plug's multiple_queues, once set, stays set until the plug ends, with the plug never
 * past its limit (32, or 64 across queues); and a bio joins a request only on its own device's queue. Held tags come from the stream; which hctxs are active
 * (blk_mq_tag_busy, which has no transition) and the plug's flag come from the model's own report.
 */
final class SharedTags70Invariants {

    private boolean shared;
    private int perDevice = 1;
    private int depth;
    private int[] held = new int[0];
    private boolean[] active = new boolean[0];
    /** Each task's current plug and the multiple_queues it last reported. */
    private final Map<Integer, Object> plugOf = new HashMap<>();
    private final Map<Integer, Boolean> multipleOf = new HashMap<>();

    /** Several devices of {@code perDevice} hctxs each; {@code depth} normal tags per set when {@code shared}. */
    void devices(int hctxs, int perDevice, boolean shared, int depth) {
        this.shared = shared;
        this.perDevice = perDevice;
        this.depth = depth;
        this.held = new int[hctxs];
        this.active = new boolean[hctxs];
    }

    /** blk_mq_tag_busy() marked {@code hctx} active (the model's report). */
    void tagBusy(int hctx) {
        active[hctx] = true;
    }

    /** A new request with a driver tag (G without a scheduler). */
    void allocated(Transition t, Bio bio, Request rq) {
        if (!shared || rq.tag < 0) return;
        int h = rq.hctx.index;
        held[h]++;
        int inSet = inSet(h);
        if (inSet > depth) Oops.fail("shared-tags-within-depth", inSet + " tags of the set of hctx index "
                + h % perDevice + " held, its depth is " + depth, t, bio, rq);
        if (!active[h]) return;
        int allowed = TagShare70.allowed(depth, users(h));
        if (held[h] > allowed) Oops.fail("fair-share", "hctx " + h + " holds " + held[h]
                + " driver tags after an allocation, its share is " + allowed + " of " + depth + " among "
                + users(h) + " active queues", t, bio, rq);
    }

    /**
     * A bio and the request it joins (G, M, F) are on one device: blk_mq_submit_bio allocates on the
     * bio's queue, a cached request serves only its own queue, and blk_rq_merge_ok refuses another disk.
     */
    void onItsDevice(Transition t, Bio bio, Request rq) {
        if (bio != null && rq != null && bio.device != rq.hctx.device) Oops.fail("bio-on-its-device", "bio "
                + bio.id + " of nullb" + bio.device + " joins request " + rq.id + " of nullb" + rq.hctx.device, t, bio, rq);
    }

    void freed(Request rq) {
        if (shared && rq.tag >= 0) held[rq.hctx.index]--;
    }

    /**
     * Whether this family judges the tag wait (its hctx is on a shared set), and fails it unless the
     * set is full or the hctx holds its share.
     */
    boolean judgesWait(Transition t, Bio bio) {
        if (!shared) return false;
        int h = t.hctx();
        int allowed = TagShare70.allowed(depth, Math.max(1, users(h)));
        if (inSet(h) < depth && !(active[h] && held[h] >= allowed)) Oops.fail("sleep-when-no-tag", "waits for a "
                + "tag of shared hctx " + h + " holding " + held[h] + " (share " + allowed + ") with " + inSet(h)
                + " of " + depth + " held in the set", t, bio, null);
        return true;
    }

    /** blk_add_rq_to_plug() is adding the plug's {@code size}th request, multiple_queues as now. */
    void plugAdded(int pid, Object plug, boolean multiple, int size) {
        if (plugOf.get(pid) == plug && Boolean.TRUE.equals(multipleOf.get(pid)) && !multiple) {
            Oops.fail("multiple-queues-monotone", "task " + pid + "'s plug cleared multiple_queues before it ended",
                    null, null, null);
        }
        int limit = multiple ? Mq70Submission.MAX_PLUGGED_MULTIPLE : Mq70Submission.MAX_PLUGGED;
        if (size > limit) Oops.fail("plug-limit", "task " + pid + "'s plug holds " + size + " requests, its limit is "
                + limit, null, null, null);
        plugOf.put(pid, plug);
        multipleOf.put(pid, multiple);
    }

    private int inSet(int h) {
        int n = 0;
        for (int i = h % perDevice; i < held.length; i += perDevice) n += held[i];
        return n;
    }

    private int users(int h) {
        int n = 0;
        for (int i = h % perDevice; i < active.length; i += perDevice) if (active[i]) n++;
        return n;
    }
}
