package org.blkflow.model;

import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.DeviceNumbers;
import org.blkflow.transition.TagShares;
import org.blkflow.transition.Transition;

/**
 * Linux 7.0 with several devices: a tag set shared by every device's hctx of one index is never held
 * past its depth; after an allocation an active hctx of a shared set holds no more than its fair share
 * (hctx_may_queue); a tag wait on a shared set is legal when the set is full or the hctx is at its
 * share; a plug's multiple_queues, once set, stays set until the plug ends, with the plug never
 * past its limit (32, or 64 across queues); and a bio joins a request only on its own device's queue.
 * An hctx takes a shared set's tag only once blk_mq_tag_busy() counted it among the set's active
 * queues (tag_busy), which it does once, its count the set's hctxs so marked. Held tags and active
 * hctxs come from the stream; the plug's flag from the model's own report.
 */
final class SharedTags70Invariants {

    private boolean shared;
    private DeviceNumbers numbers = new DeviceNumbers(1, 1, 1);
    private int depth;
    private int[] held = new int[0];
    private boolean[] active = new boolean[0];
    /** Each task's current plug and the multiple_queues it last reported. */
    private final Map<Integer, Object> plugOf = new HashMap<>();
    private final Map<Integer, Boolean> multipleOf = new HashMap<>();

    /** Several devices numbered as {@code numbers}; {@code depth} normal tags per set when {@code shared}. */
    void devices(DeviceNumbers numbers, boolean shared, int depth) {
        this.shared = shared;
        this.numbers = numbers;
        this.depth = depth;
        this.held = new int[numbers.hctxsPerDevice() * numbers.devices()];
        this.active = new boolean[held.length];
    }

    /** tag_busy: blk_mq_tag_busy() counts an hctx of a shared set active once, {@code count} = active_queues after. */
    void tagBusy(Transition t) {
        int h = t.hctx();
        if (!shared || active[h]) Oops.fail("tag-busy-once", "hctx " + h + (shared ? " was already active"
                : " has no shared tag set") + " at blk_mq_tag_busy", t, null, null);
        active[h] = true;
        if (t.count() != users(h)) Oops.fail("active-queues", "tag set " + numbers.tagSet(h) + " counts " + t.count()
                + " active queues, " + users(h) + " of its hctxs were marked busy", t, null, null);
    }

    /** A new request with a driver tag (G without a scheduler). */
    void allocated(Transition t, Bio bio, Request rq) {
        if (!shared || rq.tag < 0) return;
        int h = rq.hctx.index;
        held[h]++;
        int inSet = inSet(h);
        if (inSet > depth) Oops.fail("shared-tags-within-depth", inSet + " tags of the set of hctx index "
                + numbers.tagSet(h) + " held, its depth is " + depth, t, bio, rq);
        if (!active[h]) Oops.fail("tag-busy-before-tag", "hctx " + h + " took tag " + rq.tag + " of shared set "
                + numbers.tagSet(h) + " without blk_mq_tag_busy() counting it active", t, bio, rq);
        int allowed = TagShares.fairShare(depth, users(h));
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
        int allowed = TagShares.fairShare(depth, Math.max(1, users(h)));
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
        for (int i : numbers.sharingWith(h)) n += held[i];
        return n;
    }

    private int users(int h) {
        int n = 0;
        for (int i : numbers.sharingWith(h)) if (active[i]) n++;
        return n;
    }
}
