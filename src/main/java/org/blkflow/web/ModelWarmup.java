package org.blkflow.web;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;
import org.blkflow.session.LiveSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the model once in the background right after start, through the same seek a session makes,
 * so the JIT has compiled the engine's and the model's hot paths before the first user asks for
 * step 1,000,000 (a cold JVM takes about three times as long). One low-priority daemon thread;
 * {@code blkflow.warmup.transitions=0} turns it off (the tests do).
 */
@Component
class ModelWarmup {

    private static final Logger LOG = LoggerFactory.getLogger(ModelWarmup.class);

    private final long transitions;

    ModelWarmup(@Value("${blkflow.warmup.transitions:2000000}") long transitions) {
        this.transitions = transitions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (transitions <= 0) return;
        Thread t = new Thread(this::run, "model-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void run() {
        long start = System.nanoTime();
        // The paths a seek can take: timer and softirq completions, a ring-limited device that
        // answers BUSY, the legacy queue with its elevator, and xen-blkfront's rings.
        List<Scenario> shapes = List.of(scenario(Mode.MQ, nullBlk(10_000, IrqMode.TIMER, 0)),
                scenario(Mode.MQ, nullBlk(20_000, IrqMode.SOFTIRQ, 16)),
                scenario(Mode.SQ, nullBlk(10_000, IrqMode.TIMER, 0)),
                scenario(Mode.MQ, new Device(20_000, IrqMode.TIMER, 255, 128, 0, Driver.XEN_BLKFRONT, Rings.PER_HCTX)));
        for (Scenario shape : shapes) {
            LiveSession session = new LiveSession(shape);
            session.seek(transitions / shapes.size());
            session.snapshot();
        }
        LOG.info("model warm-up done in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /** A busy 4-CPU machine under libaio random reads and plugged writes. */
    private static Scenario scenario(Mode mode, Device device) {
        return new Scenario("warm-up", 1, mode, 4, 2, 256, 0, null, true, device,
                List.of(new Job("reader", null, Rw.RANDREAD, 50, 4096, 32, IoEngine.LIBAIO, false, false, 1_000_000, 0, 1L << 30),
                        new Job("writer", List.of(0, 2), Rw.WRITE, 50, 4096, 16, IoEngine.LIBAIO, false, true, 1_000_000,
                                1L << 32, 1L << 30)),
                Scheduler.NOOP, 128, Costs.DEFAULT, 1, Kernel.V3_16, null);
    }

    private static Device nullBlk(long completionNs, IrqMode irq, int slots) {
        return new Device(completionNs, irq, 255, 128, slots, Driver.NULL_BLK, Rings.SINGLE_LOCK);
    }
}
