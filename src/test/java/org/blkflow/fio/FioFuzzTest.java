package org.blkflow.fio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.JobValidator;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.ScenarioValidator;

/**
 * Any text as a fio job file: jobs whose every number is within a scenario's ranges (nothing wraps),
 * or a refusal; nothing else escapes. Seeds: FioFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class FioFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsJobsInRangeOrARefusal(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Kernel kernel : Kernel.values()) {
            FioImport fio;
            try {
                fio = FioImport.read(text, kernel);
            } catch (FioJobFile.Rejected e) {
                return;
            }
            check(fio, kernel);
        }
    }

    /** Every number in range, and io_uring and hipri only where the kernel has them (as the validator wants). */
    private static void check(FioImport fio, Kernel kernel) {
        assertTrue(fio.jobs().size() <= JobValidator.MAX_JOBS);
        for (Job j : fio.jobs()) {
            assertTrue(j.bs() >= 1 && j.bs() <= JobValidator.MAX_BS, "bs " + j.bs());
            assertTrue(j.iodepth() >= 1 && j.iodepth() <= JobValidator.MAX_IODEPTH, "iodepth " + j.iodepth());
            assertTrue(j.ios() >= 1 && j.ios() <= JobValidator.MAX_IOS, "ios " + j.ios());
            assertTrue(j.rwmixread() >= 0 && j.rwmixread() <= 100, "rwmixread " + j.rwmixread());
            assertTrue(j.size() >= 0 && j.size() <= JobValidator.MAX_BYTES, "size " + j.size());
            assertTrue(j.offset() >= 0 && j.offset() <= JobValidator.MAX_BYTES, "offset " + j.offset());
            assertTrue(j.cpus().size() <= ScenarioValidator.MAX_CPUS && j.cpus().stream().distinct().count() == j.cpus().size());
            assertTrue(kernel == Kernel.V7_0 || j.ioengine() != IoEngine.IO_URING, "io_uring under " + kernel.label());
            assertTrue(!j.hipri() || j.ioengine() == IoEngine.IO_URING, "hipri without io_uring");
        }
        assertTrue(fio.cpusNeeded() <= ScenarioValidator.MAX_CPUS);
    }
}
