package org.blkflow.fio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.blkflow.scenario.BsSplit;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.scenario.Scheduler;
import org.junit.jupiter.api.Test;

class FioImportTest {

    static final String FILE = """
            ; a comment
            [global]
            ioengine=libaio
            direct=1
            bs=4k
            size=1g
            # another comment
            runtime=30

            [random-readers]
            rw=randread
            iodepth=32
            numjobs=4
            number_ios=100

            [mixed]
            rw=randrw
            rwmixwrite=30
            bssplit=4k/20:64k/70:16k/10
            cpus_allowed=0-1,6
            ioengine=psync
            offset=1m
            sync=1
            number_ios=50

            [seq-mix]
            readwrite=rw
            blocksize_range=8k-64k
            size=2m
            """;

    @Test
    void globalOptionsAreInheritedAndEachOptionMapped() {
        FioImport fio = FioImport.read(FILE);
        assertEquals(3, fio.jobs().size());
        Job readers = fio.jobs().get(0);
        assertEquals("random-readers", readers.name());
        assertEquals("randread", readers.rw().label());
        assertEquals(32, readers.iodepth());
        assertEquals("libaio", readers.ioengine().label());
        assertEquals(List.of(0, 1, 2, 3), readers.cpus(), "numjobs=4 becomes 4 CPUs");
        assertEquals(100, readers.ios());
        assertEquals(1L << 30, readers.size(), "fio's g is 2^30");
        Job mixed = fio.jobs().get(1);
        assertEquals(70, mixed.rwmixread());
        assertEquals(List.of(new BsSplit(4096, 20), new BsSplit(65536, 70), new BsSplit(16384, 10)), mixed.bssplit(),
                "bssplit is the job's block-size mix, in fio's order");
        assertEquals(null, mixed.bssplitWrite(), "writes draw from the same mix");
        assertEquals(List.of(0, 1, 6), mixed.cpus());
        assertEquals("sync", mixed.ioengine().label());
        assertEquals(1 << 20, mixed.offset());
        assertTrue(mixed.sync());
        Job seq = fio.jobs().get(2);
        assertEquals("randrw", seq.rw().label());
        assertEquals(List.of(8192, 16384, 24576, 32768, 40960, 49152, 57344, 65536),
                seq.bssplit().stream().map(BsSplit::bs).toList(), "blocksize_range: every multiple of its low end");
        assertEquals(List.of(13, 13, 13, 13, 12, 12, 12, 12), seq.bssplit().stream().map(BsSplit::percent).toList(),
                "equal whole shares, the remainder to the first");
        long mean = seq.bssplit().stream().mapToLong(e -> (long) e.bs() * e.percent()).sum() / 100;
        assertEquals(2 * 1024 * 1024 / mean, seq.ios(), "size / the mix's mean size without number_ios");
    }

    @Test
    void everyOptionWithoutEffectIsListedWithItsReason() {
        List<String> ignored = FioImport.read(FILE).ignored().stream().map(i -> i.job() + ":" + i.option()).toList();
        assertTrue(ignored.contains("random-readers:runtime"), ignored.toString());
        assertTrue(ignored.contains("seq-mix:rw"), ignored.toString());
        assertFalse(ignored.contains("mixed:bssplit"), "a mix is modelled now: " + ignored);
        assertFalse(ignored.contains("seq-mix:blocksize_range"), ignored.toString());
    }

    @Test
    void theJobsPassTheValidatorInADefaultScenarioWithEnoughCpus() {
        FioImport fio = FioImport.read(FILE);
        Scenario d = ScenarioDefaults.scenario();
        Scenario s = new Scenario("fio", 1, Mode.MQ, Math.max(d.cpus(), fio.cpusNeeded()), 1, 64, 0, null, true,
                new org.blkflow.scenario.Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, org.blkflow.scenario.Backend.DEFAULT), fio.jobs(), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);
        assertEquals(7, fio.cpusNeeded());
        // 64k fits 255 sectors; the validator checks every other rule.
        assertEquals(List.of(), ScenarioValidator.validate(s));
    }

    static final String POLLED = """
            [poll]
            ioengine=io_uring
            hipri
            fixedbufs
            sqthread_poll=1
            rw=randread
            iodepth=4
            number_ios=32
            """;

    @Test
    void ioUringWithHipriIsPolledIoUnderKernel70() {
        FioImport fio = FioImport.read(POLLED, Kernel.V7_0);
        Job j = fio.jobs().get(0);
        assertEquals(IoEngine.IO_URING, j.ioengine());
        assertTrue(j.hipri(), "hipri: REQ_POLLED bios, reaped by the submitter");
        assertTrue(j.plug(), "io_uring plugs a batch of SQEs as io_submit does");
        assertEquals(List.of("fixedbufs", "sqthread_poll"), fio.ignored().stream().map(FioImport.Ignored::option).toList());
        assertTrue(fio.ignored().stream().noneMatch(i -> i.reason().equals("not modelled by blkflow")),
                "each says why: " + fio.ignored());
        Scenario s = scenarioOf(fio, Kernel.V7_0, 1);
        assertEquals(List.of(), ScenarioValidator.validate(s));
    }

    @Test
    void underKernel316IoUringIsLibaioAndHipriSaysWhyItDoesNothing() {
        FioImport fio = FioImport.read(POLLED);
        Job j = fio.jobs().get(0);
        assertEquals(IoEngine.LIBAIO, j.ioengine());
        assertFalse(j.hipri());
        List<String> why = fio.ignored().stream().filter(i -> Set.of("ioengine", "hipri").contains(i.option()))
                .map(FioImport.Ignored::reason).toList();
        assertEquals(2, why.size(), fio.ignored().toString());
        assertTrue(why.get(0).contains("io_uring came in Linux 5.1") && why.get(1).contains("kernel 7.0 only"), why.toString());
        assertEquals(List.of(), ScenarioValidator.validate(scenarioOf(fio, Kernel.V3_16, 0)),
                "what 3.16 reads, 3.16's validator takes");
        // The 7.0 reading in a 3.16 scenario is what the validator refuses, for the same reason.
        assertTrue(ScenarioValidator.validate(scenarioOf(FioImport.read(POLLED, Kernel.V7_0), Kernel.V3_16, 0)).stream()
                .anyMatch(p -> p.field().equals("jobs[0].ioengine") && p.message().contains("io_uring came in Linux 5.1")));
    }

    @Test
    void hipriWithoutIoUringIsListedNotSet() {
        FioImport aio = FioImport.read("[a]\nioengine=libaio\nhipri=1\n", Kernel.V7_0);
        assertFalse(aio.jobs().get(0).hipri());
        assertTrue(aio.ignored().get(0).reason().contains("this job's ioengine is libaio"), aio.ignored().toString());
        FioImport none = FioImport.read("[a]\nhipri\n", Kernel.V7_0);
        assertTrue(none.ignored().get(0).reason().contains("sync (fio's default)"), none.ignored().toString());
        FioImport off = FioImport.read("[a]\nioengine=io_uring\nhipri=0\n", Kernel.V7_0);
        assertFalse(off.jobs().get(0).hipri());
        assertEquals(List.of(), off.ignored());
    }

    private static Scenario scenarioOf(FioImport fio, Kernel kernel, int pollQueues) {
        return new Scenario("fio", 1, Mode.MQ, 2, 1, 64, 0, null, true,
                new org.blkflow.scenario.Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK,
                        org.blkflow.scenario.Backend.DEFAULT, pollQueues, 0),
                fio.jobs(), kernel == Kernel.V7_0 ? Scheduler.NONE : Scheduler.NOOP, 128, Costs.ZERO, 1, kernel, null);
    }

    @Test
    void aBioLargerThanOneRequestIsReadForKernel70WhichSplitsIt() {
        FioImport fio = FioImport.read("[big]\nrw=read\nbs=1m\nbssplit=256k/50:2m/50\n", Kernel.V7_0);
        assertEquals(1 << 20, fio.jobs().get(0).bs());
        assertEquals(List.of(new org.blkflow.scenario.BsSplit(256 << 10, 50), new org.blkflow.scenario.BsSplit(2 << 20, 50)),
                fio.jobs().get(0).bssplit());
        assertEquals(List.of(), ScenarioValidator.validate(scenarioOf(fio, Kernel.V7_0, 0)));
        assertRefused("[big]\nbs=1m\n", "big.bs", "between 1 and 524288");
        FioJobFile.Rejected e = assertThrows(FioJobFile.Rejected.class, () -> FioImport.read("[big]\nbs=8m\n", Kernel.V7_0));
        assertEquals("big.bs", e.field());
        assertTrue(e.getMessage().contains("between 1 and 4194304"), e.getMessage());
    }

    @Test
    void kbBase1000AndSuffixes() {
        assertEquals(4000, FioImport.read("[a]\nkb_base=1000\nbs=4k\n").jobs().get(0).bs());
        assertEquals(4096, FioImport.read("[a]\nkb_base=1000\nbs=4KiB\n").jobs().get(0).bs());
    }

    @Test
    void somethingThatIsNotAJobFileIsRefusedWithAReason() {
        assertTrue(assertThrows(FioJobFile.Rejected.class, () -> FioImport.read("hello world\n"))
                .getMessage().contains("before any [section]"));
        assertTrue(assertThrows(FioJobFile.Rejected.class, () -> FioImport.read("[global]\nbs=4k\n"))
                .getMessage().contains("no job sections"));
        assertThrows(IllegalArgumentException.class, () -> FioImport.read("[a]\nbs=huge\n"));
    }

    /** Issue #11, defects 3 and 5: each of these answered 500, or pinned the heap (numjobs=1g). */
    @Test
    void numbersPastTheirRangeAreRefusedNamingJobOptionAndRange() {
        assertRefused("[j]\nnumjobs=1g\n", "j.numjobs", "between 1 and 64");
        assertRefused("[j]\niodepth=100000000t\n", "j.iodepth", "between 1 and 1024");
        assertRefused("[j]\nnumjobs=9999999999t\n", "j.numjobs", "between 1 and 64");
        assertRefused("[j]\nbs=8388608t\n", "j.bs", "between 1 and 524288");
        assertRefused("[j]\nbs=,\n", "j.bs", "whole number");
        assertRefused("[j]\nbssplit=/\n", "j.bssplit", "whole number");
        assertRefused("[j]\nblocksize_range=-\n", "j.blocksize_range", "whole number");
        assertRefused("[j]\nbssplit=4k/1000\n", "j.bssplit", "between 0 and 100");
    }

    /** Issue #11, defect 10: these wrapped (bs=4294967808 became 512) or passed out of range. */
    @Test
    void nothingWrapsOrPassesOutOfRange() {
        assertRefused("[j]\nbs=4294967808\n", "j.bs", "between 1 and 524288");
        assertRefused("[j]\nbs=2147483648\n", "j.bs", "between 1 and 524288");
        assertRefused("[j]\niodepth=4294967297\n", "j.iodepth", "between 1 and 1024");
        assertRefused("[j]\nnumjobs=65\n", "j.numjobs", "between 1 and 64");
        assertRefused("[j]\nnumjobs=100000\n", "j.numjobs", "between 1 and 64");
        assertRefused("[j]\ncpus_allowed=0,0,0\n", "j.cpus_allowed", "twice");
        assertRefused("[j]\ncpus_allowed=0-64\n", "j.cpus_allowed", "between 0 and 63");
        assertEquals(64, FioImport.read("[j]\nnumjobs=64\n").jobs().get(0).cpus().size());
    }

    private static void assertRefused(String file, String field, String rule) {
        FioJobFile.Rejected e = assertThrows(FioJobFile.Rejected.class, () -> FioImport.read(file), file);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(rule), e.getMessage());
    }
}
