package org.blkflow.transition;

/**
 * mq-deadline's batch as its last dd_dispatch_request() left it, for the scheduler lane {@code elv}
 * (elv:N): dd->last_dir ({@code "read"} or {@code "write"}), dd->batching (0 until a batch has
 * started, then 1 to fifo_batch), dd->starved (how many read batches have started while writes
 * waited, 0 to writes_starved) and per_prio->latest_pos[] of each direction, the sector the next
 * dispatch of that direction looks from. The stream's count says the batching of a batch's request;
 * starved it cannot say, so a seek takes all of it from here.
 */
public record DeadlineBatch(int elv, String lastDir, int batching, int starved, long readPos, long writePos) {
}
