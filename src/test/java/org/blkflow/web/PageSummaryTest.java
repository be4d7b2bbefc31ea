package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A shared link's title and description follow its mode and mention its step. */
class PageSummaryTest {

    @Test
    void aBlkMqLinkAtAStepNamesTheStepInTitleAndDescription() {
        var s = PageController.LinkSummary.of("Figure 1", "4", "2", "fio,rw:randread", "mq", "57");
        assertEquals("Figure 1 — 4 CPUs, 2 hardware queues · step 57 · blkflow", s.title());
        assertEquals("blk-mq, step by step: Figure 1 on 4 CPUs, 2 hardware queues, job fio, at step 57. "
                + "Requests move through software and hardware queues.", s.description());
    }

    @Test
    void theLegacyQueueAndBioBasedDriversAreNotSaidToHaveHardwareQueues() {
        var sq = PageController.LinkSummary.of("contention", "8", "1", "fio", "sq", null);
        assertEquals("contention — 8 CPUs · blkflow", sq.title());
        assertTrue(sq.description().startsWith("The legacy request queue, step by step"), sq.description());
        assertFalse(sq.description().contains("hardware queue"), sq.description());
        var bio = PageController.LinkSummary.of(null, "4", "1", null, "bio", "0");
        assertEquals("bio-based scenario — 4 CPUs · blkflow", bio.title(), "step 0 is not a step to mention");
        assertTrue(bio.description().contains("no requests, tags or queues"), bio.description());
    }

    @Test
    void anUnknownModeReadsAsBlkMqAndAJunkStepIsLeftOut() {
        var s = PageController.LinkSummary.of("x", "2", "2", null, "raid", "-3");
        assertEquals("x — 2 CPUs, 2 hardware queues · blkflow", s.title());
    }
}
