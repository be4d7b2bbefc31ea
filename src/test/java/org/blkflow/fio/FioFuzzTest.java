package org.blkflow.fio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.JobValidator;
import org.blkflow.scenario.ScenarioValidator;

/**
 * Any text as a fio job file: jobs whose every number is within a scenario's ranges (nothing wraps),
 * or a refusal; nothing else escapes. Seeds: FioFuzzTestInputs/; fuzz with JAZZER_FUZZ=1 (see README).
 */
class FioFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyTextIsJobsInRangeOrARefusal(byte[] input) {
        FioImport fio;
        try {
            fio = FioImport.read(new String(input, StandardCharsets.UTF_8));
        } catch (FioJobFile.Rejected e) {
            return;
        }
        assertTrue(fio.jobs().size() <= JobValidator.MAX_JOBS);
        for (Job j : fio.jobs()) {
            assertTrue(j.bs() >= 1 && j.bs() <= JobValidator.MAX_BS, "bs " + j.bs());
            assertTrue(j.iodepth() >= 1 && j.iodepth() <= JobValidator.MAX_IODEPTH, "iodepth " + j.iodepth());
            assertTrue(j.ios() >= 1 && j.ios() <= JobValidator.MAX_IOS, "ios " + j.ios());
            assertTrue(j.rwmixread() >= 0 && j.rwmixread() <= 100, "rwmixread " + j.rwmixread());
            assertTrue(j.size() >= 0 && j.size() <= JobValidator.MAX_BYTES, "size " + j.size());
            assertTrue(j.offset() >= 0 && j.offset() <= JobValidator.MAX_BYTES, "offset " + j.offset());
            assertTrue(j.cpus().size() <= ScenarioValidator.MAX_CPUS && j.cpus().stream().distinct().count() == j.cpus().size());
        }
        assertTrue(fio.cpusNeeded() <= ScenarioValidator.MAX_CPUS);
    }
}
