package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** cfq_update_hw_tag(): 50 loaded samples, then the deepest driver depth seen decides. */
class CfqHwTagTest {

    @Test
    void theFiftyFirstLoadedSampleDecides() {
        CfqHwTag tag = new CfqHwTag();
        for (int i = 0; i < 100; i++) tag.sample(1, CfqHwTag.HW_QUEUE_MIN, null);
        assertEquals(-1, tag.value(), "five queued is not load");
        for (int i = 0; i < CfqHwTag.SAMPLES; i++) tag.sample(1, CfqHwTag.HW_QUEUE_MIN + 1, null);
        assertEquals(-1, tag.value());
        assertTrue(tag.idlingPointless(true), "undecided counts as queueing");
        tag.sample(1, CfqHwTag.HW_QUEUE_MIN + 1, null);
        assertEquals(0, tag.value());
        assertFalse(tag.idlingPointless(true));
        tag.sample(CfqHwTag.HW_QUEUE_MIN, CfqHwTag.HW_QUEUE_MIN + 1, null);
        assertEquals(1, tag.value(), "0 is decided again at each sample; five in the driver makes it 1");
        tag.sample(0, CfqHwTag.HW_QUEUE_MIN + 1, null);
        assertEquals(1, tag.value(), "1 stays");
        assertFalse(tag.idlingPointless(false), "a disk idles whatever the driver takes");
    }

    @Test
    void aShallowIdlingActiveQueueIsNoSample() {
        CfqHwTag tag = new CfqHwTag();
        CfqQueue active = new CfqQueue(true);
        for (int i = 0; i <= CfqHwTag.SAMPLES; i++) tag.sample(1, CfqHwTag.HW_QUEUE_MIN + 1, active);
        assertEquals(-1, tag.value(), "its idling, not the driver, kept the depth low");
        active.idleWindow = false;
        for (int i = 0; i <= CfqHwTag.SAMPLES; i++) tag.sample(1, CfqHwTag.HW_QUEUE_MIN + 1, active);
        assertEquals(0, tag.value());
    }
}
