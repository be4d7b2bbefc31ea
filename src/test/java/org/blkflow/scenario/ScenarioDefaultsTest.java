package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioDefaultsTest {

    @Test
    void anEmptyDraftIsNullBlkWithOneFioJob() {
        Scenario s = new ScenarioDraft().build();
        assertEquals(new Scenario("untitled", 1, "mq", 4, 1, 64, 0, null, true,
                new Device(10_000, "softirq", 255, 128, 0),
                List.of(new Job("fio", null, "read", 50, 4096, 1, "sync", false, false, 32, 0, 1L << 30)),
                "noop", 128, Costs.DEFAULT), s);
        assertEquals(ScenarioDefaults.scenario(), s);
        assertTrue(s.kernelMapping());
        assertTrue(s.jobs().get(0).allCpus());
    }

    @Test
    void aUserScenarioCostsCpuTimeWhileTheOldConstructorKeepsCpusFree() {
        assertEquals(Costs.DEFAULT, new ScenarioDraft().build().costs());
        Scenario old = new Scenario("x", 1, "mq", 1, 1, 1, 0, null, true, ScenarioDefaults.device(), List.of());
        assertEquals(Costs.ZERO, old.costs());
        assertEquals("null_blk", ScenarioDefaults.device().driver());
        assertEquals("single-lock", ScenarioDefaults.device().rings());
    }

    @Test
    void aJobGivenOnlyANameTakesFiosDefaults() {
        ScenarioDraft d = new ScenarioDraft();
        JobDraft j = new JobDraft();
        j.name = "writer";
        j.rw = "write";
        d.jobs = List.of(j);
        Job job = d.build().jobs().get(0);
        assertEquals("writer", job.name());
        assertEquals("write", job.rw());
        assertEquals(4096, job.bs());
        assertEquals(1, job.iodepth());
        assertEquals("sync", job.ioengine());
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
