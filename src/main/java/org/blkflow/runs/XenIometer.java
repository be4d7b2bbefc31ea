package org.blkflow.runs;

import static org.blkflow.scenario.ScenarioFields.BACKEND_CPUS;
import static org.blkflow.scenario.ScenarioFields.BACKEND_IRQ_MODE;
import static org.blkflow.scenario.ScenarioFields.BSSPLIT;
import static org.blkflow.scenario.ScenarioFields.COMPLETION_NS;
import static org.blkflow.scenario.ScenarioFields.CPUS;
import static org.blkflow.scenario.ScenarioFields.DRIVER;
import static org.blkflow.scenario.ScenarioFields.EVTCHN_AFFINITY;
import static org.blkflow.scenario.ScenarioFields.HW_QUEUES;
import static org.blkflow.scenario.ScenarioFields.HW_QUEUE_DEPTH;
import static org.blkflow.scenario.ScenarioFields.IODEPTH;
import static org.blkflow.scenario.ScenarioFields.IOENGINE;
import static org.blkflow.scenario.ScenarioFields.IOS;
import static org.blkflow.scenario.ScenarioFields.IRQ_MODE;
import static org.blkflow.scenario.ScenarioFields.JOB_CPUS;
import static org.blkflow.scenario.ScenarioFields.JOB_NAME;
import static org.blkflow.scenario.ScenarioFields.NAME;
import static org.blkflow.scenario.ScenarioFields.PCPUS;
import static org.blkflow.scenario.ScenarioFields.PERSISTENT_GRANTS;
import static org.blkflow.scenario.ScenarioFields.QUEUE_DEPTH;
import static org.blkflow.scenario.ScenarioFields.RINGS;
import static org.blkflow.scenario.ScenarioFields.RING_PAGES;
import static org.blkflow.scenario.ScenarioFields.RW;
import static org.blkflow.scenario.ScenarioFields.RWMIXREAD;
import static org.blkflow.scenario.ScenarioFields.SUBMIT_QUEUES;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.EvtchnAffinity;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;

/**
 * The experiment multi-queue xen-blkfront was published with (lkml, 2015): a 16-vCPU guest running
 * fio's IOmeter emulation (examples/iometer-file-access-server.fio: random, 80 % reads, iodepth 64, its
 * eight-size bssplit from 512 B to 64 KiB)
 * against a null_blk in dom0, with 1 to 32 jobs, one ring against 16. Each job is a task on its own
 * vCPU up to 16; 32 jobs put two on each.
 */
public final class XenIometer {

    public static final int GUEST_CPUS = 16;
    public static final List<Integer> JOBS = List.of(1, 4, 8, 16, 32);
    /** One ring (one io_lock for all 16 hctxs) against a ring and lock per hctx. */
    public static final List<Rings> RING_LAYOUTS = List.of(Rings.SINGLE_LOCK, Rings.PER_HCTX);
    /**
     * The IOPS published at each of {@link #JOBS} in the cover letter of the series' RFC (lkml 2015-02-15,
     * Bob Liu, "[RFC PATCH 00/10] Multi-queue support for xen-block driver"): "before" the series (one
     * ring) and "after" it (16 rings), for the same guest, dom0 null_blk and fio job. The one place the
     * code writes these figures (the README's table quotes them).
     */
    public static final List<Integer> PUBLISHED_ONE_RING = List.of(57_000, 95_000, 89_000, 68_000, 65_000);
    public static final List<Integer> PUBLISHED_SIXTEEN_RINGS = List.of(58_000, 201_000, 372_000, 284_000, 196_000);
    /** Bios per task: enough for a steady state well past the ramp of the first iodepth. */
    public static final int TASK_IOS = 500;
    /** dom0's null_blk completion_nsec, used only by the timer irqmode and by the backend without a queue. */
    public static final long DOM0_COMPLETION_NS = 20_000;
    /**
     * 16 dom0 vCPUs, one per ring, each on a CPU of its own (the posts do not say how many physical CPUs the
     * host had: {@link #SHARED_HOST}); grants mapped per request (the posts do not say either: with persistent
     * grants dom0 shares nothing of Xen's and 16 rings keep rising past the published peak, see the README and
     * XenIometerShapeTest.withPersistentGrantsSixteenRingsDoNotPeakAndLeaveThePublishedCurve); dom0's null_blk
     * as `modprobe null_blk` leaves it (v4 of the series: dom0 "modprobe null_blk"): one hardware queue of 64
     * tags, irqmode softirq; every ring's event channel on vCPU 0 at both ends, as Linux binds them.
     */
    public static final Backend BACKEND = published(new Backend(16, false, 1));
    /** The backend before dom0's queue and the event channels' binding were modelled, for comparison. */
    public static final Backend UNQUEUED_SPREAD = new Backend(16, false, 1);
    /**
     * The same dom0 on a host of 16 pCPUs shared with the guest's 16 vCPUs: an assumption (each domain
     * given as many vCPUs as the host has cores, as both posts' 16 and 16 suggest), under which more
     * guest jobs could take pCPU time from dom0.
     */
    public static final Backend SHARED_HOST = published(new Backend(16, false, 1, 16));
    /** The same on 24 pCPUs: more than dom0's 16 vCPUs, fewer than both domains' 32 (an assumption too). */
    public static final Backend WIDER_HOST = published(new Backend(16, false, 1, 24));

    private static Backend published(Backend b) {
        return b.withNullBlk(1, Backend.NULL_BLK_DEPTH, IrqMode.SOFTIRQ).withEvtchn(EvtchnAffinity.VCPU0);
    }

    private XenIometer() {
    }

    /** The guest with its rings laid out as {@code rings} and {@code jobs} IOmeter tasks. */
    public static Scenario scenario(Rings rings, int jobs, int ios) {
        return scenario(rings, jobs, ios, BACKEND);
    }

    /** As {@link #scenario(Rings, int, int)} with another backend. */
    public static Scenario scenario(Rings rings, int jobs, int ios, Backend backend) {
        ScenarioDraft s = draft(backend);
        s.set(NAME, "xen-blkfront: IOmeter, " + rings.label());
        s.device.set(RINGS, rings);
        s.jobs = jobsOf(jobs, ios);
        return s.build();
    }

    /** The guest and dom0 of the experiment, before its rings and jobs are chosen. */
    public static ScenarioDraft draft(Backend backend) {
        ScenarioDraft s = new ScenarioDraft();
        s.set(CPUS, GUEST_CPUS);
        s.set(HW_QUEUES, GUEST_CPUS);
        // blkfront's tag set is as deep as its ring (queue_depth = BLK_RING_SIZE).
        s.set(QUEUE_DEPTH, backend.ringSlots());
        s.device.set(DRIVER, Driver.XEN_BLKFRONT);
        s.device.set(IRQ_MODE, IrqMode.TIMER);
        s.device.set(COMPLETION_NS, DOM0_COMPLETION_NS);
        s.device.backend.set(BACKEND_CPUS, backend.cpus());
        s.device.backend.set(PERSISTENT_GRANTS, backend.persistentGrants());
        s.device.backend.set(RING_PAGES, backend.ringPages());
        s.device.backend.set(PCPUS, backend.pcpus());
        s.device.backend.set(SUBMIT_QUEUES, backend.submitQueues());
        s.device.backend.set(HW_QUEUE_DEPTH, backend.hwQueueDepth());
        s.device.backend.set(BACKEND_IRQ_MODE, backend.irqMode());
        s.device.backend.set(EVTCHN_AFFINITY, backend.evtchnAffinity());
        return s;
    }

    /** The jobs as fio places them: one task per vCPU in order, wrapping round once there are more. */
    public static List<JobDraft> jobsOf(int jobs, int ios) {
        List<JobDraft> out = new ArrayList<>();
        for (int first = 0; first < jobs; first += GUEST_CPUS) {
            List<Integer> cpus = new ArrayList<>();
            for (int c = 0; c < Math.min(GUEST_CPUS, jobs - first); c++) cpus.add(c);
            out.add(new JobDraft().set(JOB_NAME, "iometer" + (first == 0 ? "" : "-" + first / GUEST_CPUS))
                    .set(JOB_CPUS, cpus).set(RW, Rw.RANDRW).set(RWMIXREAD, 80).set(IODEPTH, 64)
                    .set(IOENGINE, IoEngine.LIBAIO).set(IOS, ios).set(BSSPLIT, Presets.IOMETER_FILE_SERVER));
        }
        return out;
    }

    /** What the RFC published for {@code rings} at {@code jobs} (one of {@link #JOBS}). */
    public static int published(Rings rings, int jobs) {
        int at = JOBS.indexOf(jobs);
        if (at < 0) throw new IllegalArgumentException("no published figure at " + jobs + " jobs");
        return (rings == Rings.PER_HCTX ? PUBLISHED_SIXTEEN_RINGS : PUBLISHED_ONE_RING).get(at);
    }

    /**
     * The model's side of the experiment in one sentence, for the page to print under the curves it draws
     * beside the published ones: what the run is, and which of its choices are assumptions because the
     * posts do not give them (the host's CPUs and whether grants were persistent).
     */
    public static String setup(Backend backend) {
        String host = backend.pcpus() == 0 ? "each on a CPU of its own" : "sharing " + backend.pcpus() + " pCPUs with the guest";
        String grants = backend.persistentGrants() ? "persistent grants" : "grants mapped and unmapped per request";
        String dom0Queue = backend.submitQueues() == 0 ? "null_blk without a queue"
                : "null_blk with " + backend.submitQueues() + " hardware queue" + (backend.submitQueues() == 1 ? "" : "s")
                        + " of " + backend.hwQueueDepth() + " tags (irqmode " + backend.irqMode().label() + ")";
        String events = backend.evtchnAffinity() == EvtchnAffinity.VCPU0 ? "every event channel on vCPU 0"
                : "event channels spread over the vCPUs";
        return "The model: a " + GUEST_CPUS + "-vCPU PV guest with " + GUEST_CPUS + " hardware queues running fio's IOmeter job ("
                + TASK_IOS + " I/Os a job); dom0 " + backend.cpus() + " vCPUs " + host + ", " + grants + ", " + dom0Queue + ", "
                + events + ". The posts give neither the host's CPUs nor whether grants were persistent: both are assumptions.";
    }

    /** Every point, the ring layout outermost, as the sweep varies device.rings then jobs. */
    public static List<Scenario> points(int ios, Backend backend) {
        List<Scenario> points = new ArrayList<>();
        for (Rings rings : RING_LAYOUTS) {
            for (int jobs : JOBS) points.add(scenario(rings, jobs, ios, backend));
        }
        return points;
    }
}
