package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.KERNEL;
import static org.blkflow.scenario.ScenarioFields.MAX_SECTORS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The two fields 7.0's splits and cached requests open: a bio may exceed the queue's limits (up to
 * 4 MiB) only with kernel "7.0", which splits it, and iodepthBatch (io_uring's nr_ios) is refused,
 * naming the field, anywhere but 7.0 io_uring. 3.16 keeps refusing a bio that does not fit one request.
 */
class SplitAndBatchFieldsTest {

    private static Job job(int bs, IoEngine engine, int batch) {
        return new Job("fio", null, Rw.READ, 50, bs, 8, engine, false, false, 8, 0, 1L << 30, null, null, 0, 0, 1,
                false, batch);
    }

    private static List<Problem> problems(boolean v70, Job job, Consumer<ScenarioDraft> more) {
        ScenarioDraft d = new ScenarioDraft();
        if (v70) d.set(KERNEL, Kernel.V7_0);
        d.jobs(List.of(job));
        more.accept(d);
        return ScenarioValidator.validate(d.build());
    }

    @Test
    void aOneMiBBioRunsIn70AndIsRefusedIn316() {
        assertEquals(List.of(), problems(true, job(1 << 20, IoEngine.LIBAIO, 0), d -> { }));
        List<Problem> old = problems(false, job(1 << 20, IoEngine.LIBAIO, 0), d -> { });
        assertEquals(1, old.size(), old.toString());
        assertEquals("jobs[0].bs", old.get(0).field());
        assertTrue(old.get(0).message().contains("more than device.maxSectors = 255"), old.get(0).message());
        assertEquals("jobs[0].bs", problems(false, job(64 * 1024, IoEngine.LIBAIO, 0), d -> d.device.set(MAX_SECTORS, 64))
                .get(0).field(), "3.16: a 64 KiB bio over max_sectors 64 is still refused");
    }

    @Test
    void bsHasA4MiBCeilingEvenIn70() {
        assertEquals(List.of(), problems(true, job(JobValidator.MAX_BS_SPLIT, IoEngine.SYNC, 0), d -> { }));
        List<Problem> over = problems(true, job(JobValidator.MAX_BS_SPLIT + 512, IoEngine.SYNC, 0), d -> { });
        assertEquals("jobs[0].bs", over.get(0).field());
        assertTrue(over.get(0).message().contains(String.valueOf(JobValidator.MAX_BS_SPLIT)), over.get(0).message());
    }

    @Test
    void iodepthBatchIsIoUringsOnlyIn70() {
        assertEquals(List.of(), problems(true, job(4096, IoEngine.IO_URING, 8), d -> { }));
        List<Problem> libaio = problems(true, job(4096, IoEngine.LIBAIO, 8), d -> { });
        assertEquals(1, libaio.size(), libaio.toString());
        assertEquals("jobs[0].iodepthBatch", libaio.get(0).field());
        assertTrue(libaio.get(0).message().contains("io_uring"), libaio.get(0).message());
        List<Problem> old = problems(false, job(4096, IoEngine.LIBAIO, 8), d -> { });
        assertEquals(List.of("jobs[0].iodepthBatch"), old.stream().map(Problem::field).toList());
        List<Problem> range = problems(true, job(4096, IoEngine.IO_URING, Job.MAX_IODEPTH_BATCH + 1), d -> { });
        assertEquals("jobs[0].iodepthBatch", range.get(0).field());
    }
}
