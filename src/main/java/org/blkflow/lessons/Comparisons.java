package org.blkflow.lessons;

import java.util.List;
import java.util.Optional;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioValidator;

/**
 * The comparison presets of {@code /?compare=<id>}. Each side is written as a share link, the form a
 * teacher already has for any run, and read and validated here once, so a broken side fails the
 * class's first use (and ComparisonsTest), not a student's page.
 */
public final class Comparisons {

    private static final String EIGHT_READERS = "&seed=42&cpus=8&dev=irq:timer&job=fio,rw:randread,qd:32,engine:libaio,n:32";
    private static final String PLUGGED = "&seed=42&cpus=2&depth=32&dev=irq:timer&job=writer,rw:write,qd:16,engine:libaio,cpus:0,n:32";
    private static final String PSYNC_READERS = "&seed=42&mode=sq&cpus=4&dev=irq:timer&job=reader,rw:randread,n:64";
    private static final String SIXTEEN_CPUS = "&seed=42&cpus=16&depth=32&dev=irq:timer&job=fio,rw:randread,qd:8,engine:libaio,n:16";
    private static final String XEN = "&seed=42&cpus=8&hw=8&depth=16&dev=lat:20000,slots:8,driver:xen-blkfront";
    private static final String XEN_JOB = "&job=reader,rw:randread,qd:8,engine:libaio,n:16";
    private static final String NVME = "&seed=42&cpus=4&hw=4&depth=32&dev=irq:timer&job=fio,rw:randread,qd:8,engine:libaio,n:16";

    private static final List<Comparison> ALL = List.of(
            of("sq-vs-mq", "The single queue against blk-mq", "mode",
                    "Eight CPUs read with 32 I/Os in flight each. On the legacy queue every bio takes queue_lock, so the G's "
                            + "come one CPU at a time; on blk-mq with a hardware queue per CPU they come at once.",
                    "sq (noop)", "/?v=2&name=Single+queue&mode=sq&sched=noop" + EIGHT_READERS,
                    "mq, 8 hardware queues", "/?v=2&name=blk-mq&hw=8" + EIGHT_READERS),
            of("plug-off-vs-on", "Plugging off and on", "plug",
                    "One task writes sequentially, 16 at a time. Without a plug each write becomes its own request and is "
                            + "inserted (I) at once; with one, the writes back-merge (M) on the plug list into a few large requests.",
                    "no plug", "/?v=2&name=No+plug" + PLUGGED + ",plug:0",
                    "plug", "/?v=2&name=Plug" + PLUGGED + ",plug:1"),
            of("noop-vs-cfq", "noop against cfq", "scheduler",
                    "Four synchronous random readers on the legacy queue. noop sends requests in arrival order; cfq gives "
                            + "each process a queue and serves one at a time, but null_blk is non-rotational and four readers never "
                            + "load it enough to show it cannot queue, so cfq does not idle for a process's next read: it moves to "
                            + "the next queue as one empties, and the device stays as busy as under noop.",
                    "noop", "/?v=2&name=noop" + PSYNC_READERS.replace("mode=sq", "mode=sq&sched=noop"),
                    "cfq", "/?v=2&name=cfq" + PSYNC_READERS.replace("mode=sq", "mode=sq&sched=cfq")),
            of("1-vs-16-hw-queues", "One hardware queue against sixteen", "hwQueues",
                    "Sixteen CPUs share one hardware queue's tags, dispatch list and hctx lock in A; in B each CPU has its own.",
                    "1 hardware queue", "/?v=2&name=One+hardware+queue" + SIXTEEN_CPUS,
                    "16 hardware queues", "/?v=2&name=Sixteen+hardware+queues&hw=16" + SIXTEEN_CPUS),
            of("xen-single-vs-per-hctx", "xen-blkfront: one io_lock against a ring per hctx", "device.rings",
                    "xen-blkfront on blk-mq with eight hardware queues. single-lock keeps one io_lock around one ring for "
                            + "every queue; per-hctx gives each hardware queue its own ring and ring_lock.",
                    "single-lock", "/?v=2&name=xen+single-lock" + XEN + ",rings:single-lock" + XEN_JOB,
                    "per-hctx", "/?v=2&name=xen+per-hctx" + XEN + ",rings:per-hctx" + XEN_JOB),
            of("k316-vs-k70", "Linux 3.16 against Linux 7.0", "kernel",
                    "The same NVMe-like machine, a queue per CPU. 3.16 issues each sync read directly (Q G D); 7.0 plugs "
                            + "every bio and flushes the plug straight to the driver (Q G P U D).",
                    "3.16", "/?v=2&name=Linux+3.16" + NVME,
                    "7.0", "/?v=2&name=Linux+7.0&kernel=7.0" + NVME));

    private Comparisons() {
    }

    public static List<Comparison> all() {
        return ALL;
    }

    public static Optional<Comparison> byId(String id) {
        // The 3.16-vs-7.0 pair was first shared as "3.16-vs-7.0": those links keep opening it.
        String wanted = "3.16-vs-7.0".equals(id) ? "k316-vs-k70" : id;
        return ALL.stream().filter(c -> c.id().equals(wanted)).findFirst();
    }

    private static Comparison of(String id, String title, String changed, String note,
                                 String aLabel, String aLink, String bLabel, String bLink) {
        return new Comparison(id, title, note, changed, side(aLabel, aLink), side(bLabel, bLink));
    }

    private static Comparison.Side side(String label, String link) {
        Scenario s = ScenarioValidator.require(ScenarioLink.decode(link).scenario());
        return new Comparison.Side(label, s);
    }
}
