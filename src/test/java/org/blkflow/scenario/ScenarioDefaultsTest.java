package org.blkflow.scenario;

import static org.blkflow.scenario.ScenarioFields.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioDefaultsTest {

    @Test
    void anEmptyDraftIsNullBlkWithOneFioJob() {
        Scenario s = new ScenarioDraft().build();
        assertEquals(new Scenario("untitled", 1, Mode.MQ, 4, 1, 64, 0, null, true,
                new Device(10_000, IrqMode.SOFTIRQ, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK),
                List.of(new Job("fio", null, Rw.READ, 50, 4096, 1, IoEngine.SYNC, false, false, 32, 0, 1L << 30)),
                Scheduler.NOOP, 128, Costs.DEFAULT, 1, Kernel.V3_16, null), s);
        assertEquals(ScenarioDefaults.scenario(), s);
        assertTrue(s.kernelMapping());
        assertTrue(s.jobs().get(0).allCpus());
    }

    @Test
    void aUserScenarioCostsCpuTimeOnNullBlk() {
        assertEquals(Costs.DEFAULT, new ScenarioDraft().build().costs());
        assertEquals("null_blk", ScenarioDefaults.device().driver().label());
        assertEquals("single-lock", ScenarioDefaults.device().rings().label());
    }

    @Test
    void aJobGivenOnlyANameTakesFiosDefaults() {
        ScenarioDraft d = new ScenarioDraft();
        JobDraft j = new JobDraft();
        j.set(JOB_NAME, "writer");
        j.set(RW, Rw.WRITE);
        d.jobs = List.of(j);
        Job job = d.build().jobs().get(0);
        assertEquals("writer", job.name());
        assertEquals("write", job.rw().label());
        assertEquals(4096, job.bs());
        assertEquals(1, job.iodepth());
        assertEquals("sync", job.ioengine().label());
        assertEquals(32, job.ios());
    }

    @Test
    void anExplicitlyEmptyJobListStaysEmptySoValidationCanRefuseIt() {
        ScenarioDraft d = new ScenarioDraft();
        d.jobs = List.of();
        assertEquals(List.of(), d.build().jobs());
        assertEquals("jobs", ScenarioValidator.validate(d.build()).get(0).field());
    }

    @Test
    void theDefaultsAreValid() {
        assertEquals(List.of(), ScenarioValidator.validate(ScenarioDefaults.scenario()));
    }
}
