package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Spec kernel-6x.md §9, rules 20–23: the order dd_dispatch_request() hands requests out in. */
class MqDeadlineTest {

    private long nextId;

    private Request request(long sector, boolean write) {
        Bio bio = new Bio(nextId, null, sector, 8, write, !write);
        Request rq = new Request(nextId++, null, null, -1, bio);
        rq.takeFirstBio(bio);
        return rq;
    }

    private List<Long> insertAndDrain(MqDeadline dd, long now, long... sectors) {
        for (long s : sectors) dd.insert(request(s, true), now);
        List<Long> out = new ArrayList<>();
        for (Request rq = dd.dispatch(now); rq != null; rq = dd.dispatch(now)) out.add(rq.sector);
        return out;
    }

    /**
     * Rule 20 restated as a reference: each write is the lowest queued sector at or above the last
     * dispatched one, else the oldest queued (inserted in {@code inserted} order).
     */
    static List<Long> rule20Order(long lastDispatched, List<Long> inserted) {
        List<Long> left = new ArrayList<>(inserted);
        List<Long> out = new ArrayList<>();
        long pos = lastDispatched;
        while (!left.isEmpty()) {
            Long above = new TreeSet<>(left).ceiling(pos);
            long next = above != null ? above : left.get(0);
            left.remove(Long.valueOf(next));
            out.add(next);
            pos = next;
        }
        return out;
    }

    @Test
    void rule20_oneWaySectorOrderThenTheOldest() {
        MqDeadline dd = new MqDeadline();
        assertEquals(List.of(100L, 300L, 500L, 800L), insertAndDrain(dd, 0, 800, 100, 500, 300));
        assertEquals(List.of(900L, 200L, 50L), insertAndDrain(dd, 0, 200, 900, 50));
        assertEquals(List.of(900L, 200L, 50L), rule20Order(800, List.of(200L, 900L, 50L)), "the reference agrees");
    }

    @Test
    void rule21_readWriteBatchesOf16WithWritesStarvedTwice() {
        MqDeadline dd = new MqDeadline();
        for (int i = 0; i < 40; i++) dd.insert(request(1000 + 16L * i, false), 0);
        for (int i = 0; i < 40; i++) dd.insert(request(100_000 + 16L * i, true), 0);
        StringBuilder blocks = new StringBuilder();
        char dir = 0;
        int run = 0;
        long last = -1;
        StringBuilder batchStarts = new StringBuilder();
        int position = 0;
        for (Request rq = dd.dispatch(0); rq != null; rq = dd.dispatch(0)) {
            char d = rq.write ? 'W' : 'R';
            // The place in the batch the stream reports (dd_dispatch_request's count): 1 starts one, then +1.
            if (dd.batchPosition() == 1) batchStarts.append(d);
            else assertEquals(position + 1, dd.batchPosition(), "the batch goes on one by one");
            position = dd.batchPosition();
            if (d != dir && run > 0) {
                blocks.append(dir).append(run).append(' ');
                run = 0;
                last = -1;
            }
            assertEquals(true, rq.sector > last, "ascending within a block");
            last = rq.sector;
            dir = d;
            run++;
        }
        blocks.append(dir).append(run);
        // W16 R16 R16 W16 R8 W8: the two read batches follow each other in one ascending run of 32, so
        // they read as R32 here; the writes wait exactly those two batches (writes_starved = 2).
        assertEquals("W16 R32 W16 R8 W8", blocks.toString());
        assertEquals("WRRWRW", batchStarts.toString(), "the R32 is two batches of 16");
    }

    /** What Figure 1's scheduler lane shows: last_dir, batching and starved after each dispatch, as rule 21 has them. */
    @Test
    void theBatchItReportsIsLastDirBatchingAndStarvedAsDispatchLeavesThem() {
        MqDeadline dd = new MqDeadline();
        assertEquals(new org.blkflow.transition.DeadlineBatch(0, "write", 0, 0, 0, 0), dd.batch(0), "no batch before the first dispatch");
        for (int i = 0; i < 40; i++) dd.insert(request(1000 + 16L * i, false), 0);
        for (int i = 0; i < 40; i++) dd.insert(request(100_000 + 16L * i, true), 0);
        List<String> starts = new ArrayList<>();
        for (Request rq = dd.dispatch(0); rq != null; rq = dd.dispatch(0)) {
            var b = dd.batch(3);
            assertEquals(3, b.elv());
            assertEquals(rq.write ? "write" : "read", b.lastDir());
            assertEquals(dd.batchPosition(), b.batching());
            assertEquals(rq.sector, rq.write ? b.writePos() : b.readPos(), "latest_pos is the request's sector");
            if (b.batching() == 1) starts.add(b.lastDir().charAt(0) + "" + b.starved());
        }
        // The first write batch needs no choice; each read batch while writes wait starves them once more,
        // the write batch after two resets it; with no write left the read batch starves nothing.
        assertEquals(List.of("w0", "r1", "r2", "w0", "r1", "w0"), starts);
    }

    @Test
    void rule22_anExpiredFifoHeadIsTakenOnlyWhenABatchStarts() {
        MqDeadline dd = new MqDeadline();
        dd.insert(request(5000, false), 0);
        for (int i = 1; i <= 4; i++) dd.insert(request(100L * i, false), 400_000_000L);
        assertEquals(100, dd.dispatch(450_000_000L).sector, "nothing expired yet: sector order from 0");
        assertEquals(200, dd.dispatch(600_000_000L).sector, "expired now, but the batch goes on");
        MqDeadline fresh = new MqDeadline();
        fresh.insert(request(5000, false), 0);
        for (int i = 1; i <= 4; i++) fresh.insert(request(100L * i, false), 400_000_000L);
        assertEquals(5000, fresh.dispatch(600_000_000L).sector, "a new batch takes the expired FIFO head");
        assertEquals(100, fresh.dispatch(600_000_000L).sector, "then the oldest, nothing lying above 5000");
    }

    @Test
    void rule23_headInsertsGoFirstAheadOfSectorOrderAndExpiredFifosThenTheBatchGoesOnFromThere() {
        // Writes 100, 300, 500 queued and 100 dispatched (latest_pos 100). Two requeues come back at
        // the head of dd->dispatch, 900 then 50: the later head insert is first. Both go before 300
        // (the sector-order successor) and before a read whose FIFO deadline has passed. They set
        // latest_pos[WRITE] to 900 (dd_start_request), so no write lies above it: the batch is
        // over, reads win (starved 0 < 2) with the expired read, then the writes from the oldest.
        MqDeadline dd = new MqDeadline();
        dd.insert(request(100, true), 0);
        dd.insert(request(300, true), 0);
        dd.insert(request(500, true), 0);
        assertEquals(100, dd.dispatch(0).sector);
        dd.insert(request(10_000, false), 0);
        long late = MqDeadline.READ_EXPIRE_NS + 1;
        dd.insertAtHead(request(900, true), late);
        dd.insertAtHead(request(50, true), late);
        List<Long> out = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Request rq = dd.dispatch(late); rq != null; rq = dd.dispatch(late)) {
            out.add(rq.sector);
            positions.add(dd.batchPosition());
        }
        assertEquals(List.of(50L, 900L), out.subList(0, 2));
        // From dd->dispatch, outside any batch (0); then a read batch of one and a write batch of two.
        assertEquals(List.of(0, 0, 1, 1, 2), positions);
        assertEquals(List.of(50L, 900L, 10_000L, 300L, 500L), out);
    }
}
