package org.blkflow.model;

/** struct bio: one contiguous I/O as a task submitted it. Never split, possibly merged into a request. */
final class Bio {

    final long id;
    final Task task;
    final long sector;
    final int sectors;
    final boolean write;
    /** rw_is_sync(): reads always, writes only with REQ_SYNC. */
    final boolean sync;
    final String rwbs;
    /** Physical segments: one per 4 KiB page, since the model assumes no physical contiguity. */
    final int segments;
    /** REQ_POLLED: set at submission when the task polls and the queue has poll hctxs. */
    boolean polled;

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

    long end() {
        return sector + sectors;
    }
}
