package org.blkflow.scenario;

/**
 * The rules on what the legacy and bio-based modes added: the elevator, nr_requests, the CPU cost
 * table and xen-blkfront's rings. hwQueues is accepted in every mode; without hardware queues it
 * has no effect, so a sweep may vary mode without touching it.
 */
final class LegacyRules {

    private LegacyRules() {
    }

    static void check(Scenario s, ProblemList p) {
        if (!s.modern() && s.scheduler() != null) {
            if (!Scheduler.of(Kernel.V3_16).contains(s.scheduler())) {
                p.add("scheduler", s.scheduler(), "must be one of " + Label.list(Scheduler.of(Kernel.V3_16)));
            } else if (s.scheduler() != Scheduler.NOOP && s.mode() != Mode.SQ) {
                p.add("scheduler", s.scheduler(), "needs mode \"sq\" (blk-mq and bio-based queues in 3.16 have "
                        + "no elevator; leave it \"noop\")");
            }
        }
        if (s.smt() >= 1 && s.smt() <= FieldLimits.MAX_SMT && s.cpus() >= 1 && s.cpus() % s.smt() != 0) {
            p.add("smt", s.smt(), "must divide cpus = " + s.cpus() + " (each core has smt threads)");
        }
        checkCosts(s.costs(), p);
        if (s.device() != null) {
            checkRings(s.mode(), s.device(), p);
        }
    }

    private static void checkCosts(Costs costs, ProblemList p) {
        if (costs == null) {
            p.add("costs", null, "must be present");
            return;
        }
        for (CostField f : CostField.values()) {
            p.range("costs." + f.json(), f.of(costs), 0, CostField.MAX_NS);
        }
    }

    private static void checkRings(Mode mode, Device d, ProblemList p) {
        if (d.xen() && mode == Mode.BIO && d.rings() == Rings.SINGLE_LOCK) {
            p.add("device.driver", d.driver(), "needs mode \"sq\" or \"mq\" (xen-blkfront is request-based)");
        }
        if (d.rings() == null || d.rings() == Rings.SINGLE_LOCK) {
            return;
        }
        if (d.driver() != null && !d.xen()) {
            p.add("device.rings", d.rings(), "needs device.driver \"xen-blkfront\" (null_blk has no ring)");
        } else if (mode != Mode.MQ) {
            p.add("device.rings", d.rings(), "needs mode \"mq\" (before blk-mq, xen-blkfront had one ring "
                    + "under io_lock, the queue lock)");
        }
    }
}
