package org.blkflow.model;

/**
 * struct bio: one contiguous I/O as a task submitted it, possibly merged into a request. In 7.0 a bio
 * over the queue's limits is split ({@link Split70}): it gives up its front as a new bio chained to it
 * and goes on as the remainder, ending back to its task only when every piece has ended (bio_chain).
 */
final class Bio {

    final long id;
    final Task task;
    long sector;
    int sectors;
    final boolean write;
    /** rw_is_sync(): reads always, writes only with REQ_SYNC. */
    final boolean sync;
    final String rwbs;
    /** Physical segments: one per 4 KiB page, since the model assumes no physical contiguity. */
    int segments;
    /** REQ_NOMERGE: a split-off front piece; it takes no merge and its request takes none either. */
    boolean noMerge;
    /** The bio a split-off piece is chained to (bio_chain), or null. */
    Bio parent;
    /** Chained pieces not yet ended (the parent's __bi_remaining beyond its own). */
    int chained;
    /** The bio's own data has ended (its request completed); its end waits for its pieces too. */
    boolean ownEnded;
    /** REQ_POLLED: set at submission when the task polls and the queue has poll hctxs. */
    boolean polled;
    /** The null_blk device (7.0: nullbN's N) whose request_queue the bio is submitted to. */
    int device;

    /** Shadow state kept only by {@link Invariants}. */
    boolean checkedQueued;
    boolean checkedEnded;
    Request checkedOwner;
    boolean checkedInDevice;

    Bio(long id, Task task, long sector, int sectors, boolean write, boolean sync) {
        this.id = id;
        this.task = task;
        this.sector = sector;
        this.sectors = sectors;
        this.write = write;
        this.sync = sync;
        this.rwbs = write ? (sync ? "WS" : "W") : "R";
        this.segments = Math.max(1, (sectors + 7) / 8);
    }

    /**
     * bio_split(): the first {@code front} sectors leave as a new bio chained to this one, which goes
     * on as the remainder (bio_advance).
     */
    Bio splitFront(long id, int front) {
        Bio piece = new Bio(id, task, sector, front, write, sync);
        piece.polled = polled;
        piece.device = device;
        piece.noMerge = true;
        piece.parent = this;
        chained++;
        sector += front;
        sectors -= front;
        segments = Math.max(1, (sectors + 7) / 8);
        return piece;
    }

    /**
     * bio_endio() of this bio's data: true when the task's bio is now done — its own data and every
     * piece chained to it (bio_chain_endio decrements the parent's count).
     */
    boolean endio() {
        if (parent != null) {
            parent.chained--;
            return parent.ownEnded && parent.chained == 0;
        }
        ownEnded = true;
        return chained == 0;
    }

    long end() {
        return sector + sectors;
    }
}
