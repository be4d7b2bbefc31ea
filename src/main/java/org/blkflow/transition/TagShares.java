package org.blkflow.transition;

/**
 * Shared tag sets as the stream shows them (7.0, null_blk shared_tags over several devices): which
 * hctxs a tag_busy move marked active (BLK_MQ_S_TAG_ACTIVE), each set's tags->active_queues (the latest
 * tag_busy's count), and the fair share hctx_may_queue() then allows each active hctx. The snapshot's
 * part for such a run; state.js keeps the same rules, and the model's TagShare70 the same share.
 */
public final class TagShares {

    /** The minimum share hctx_may_queue() leaves each user. */
    public static final int MIN_SHARE = 4;

    private final DeviceNumbers numbers;
    /** bt->sb.depth: the normal tags every sharer draws from. */
    private final int depth;
    private final boolean[] active;
    /** Each set's active_queues. */
    private final int[] users;

    public TagShares(DeviceNumbers numbers, int depth) {
        this.numbers = numbers;
        this.depth = depth;
        this.active = new boolean[numbers.hctxsPerDevice() * numbers.devices()];
        this.users = new int[numbers.hctxsPerDevice()];
    }

    /** hctx_may_queue(): max(ceil(depth / users), 4) driver tags for each of {@code users} active queues. */
    public static int fairShare(int depth, int users) {
        return Math.max((depth + users - 1) / users, MIN_SHARE);
    }

    void apply(Transition t) {
        if (t.kind() != TransitionKind.TAG_BUSY || t.hctx() < 0 || t.hctx() >= active.length) return;
        active[t.hctx()] = true;
        users[numbers.tagSet(t.hctx())] = (int) t.count();
    }

    /** What the snapshot says of {@code hctx}'s set: whether it is active, the set's users and their share. */
    Snapshot.TagShare view(int hctx) {
        int n = users[numbers.tagSet(hctx)];
        return new Snapshot.TagShare(active[hctx], n, n == 0 ? 0 : fairShare(depth, n));
    }
}
