package org.blkflow.fio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Driver;
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
            bssplit=4k/20:64k/70:1m/10
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
        assertEquals(65536, mixed.bs(), "the most frequent bssplit size");
        assertEquals(List.of(0, 1, 6), mixed.cpus());
        assertEquals("sync", mixed.ioengine().label());
        assertEquals(1 << 20, mixed.offset());
        assertTrue(mixed.sync());
        Job seq = fio.jobs().get(2);
        assertEquals("randrw", seq.rw().label());
        assertEquals(8192, seq.bs(), "the low end of blocksize_range");
        assertEquals(256, seq.ios(), "size / bs without number_ios");
    }

    @Test
    void everyOptionWithoutEffectIsListedWithItsReason() {
        List<String> ignored = FioImport.read(FILE).ignored().stream().map(i -> i.job() + ":" + i.option()).toList();
        assertTrue(ignored.contains("random-readers:runtime"), ignored.toString());
        assertTrue(ignored.contains("mixed:bssplit"), ignored.toString());
        assertTrue(ignored.contains("seq-mix:rw"), ignored.toString());
        assertTrue(ignored.contains("seq-mix:blocksize_range"), ignored.toString());
        assertTrue(FioImport.read(FILE).ignored().stream().anyMatch(i -> i.reason().contains("4096 bytes")));
    }

    @Test
    void theJobsPassTheValidatorInADefaultScenarioWithEnoughCpus() {
        FioImport fio = FioImport.read(FILE);
        Scenario d = ScenarioDefaults.scenario();
        Scenario s = new Scenario("fio", 1, Mode.MQ, Math.max(d.cpus(), fio.cpusNeeded()), 1, 64, 0, null, true,
                new org.blkflow.scenario.Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK), fio.jobs(), Scheduler.NOOP, 128, Costs.ZERO, 1, Kernel.V3_16, null);
        assertEquals(7, fio.cpusNeeded());
        // 64k fits 255 sectors; the validator checks every other rule.
        assertEquals(List.of(), ScenarioValidator.validate(s));
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
