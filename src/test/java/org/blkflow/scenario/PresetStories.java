package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * What each preset's note promises the viewer within the first 100 steps, written from the notes as
 * checks over the moves seen there. The model test feeds them the model's transitions, the browser
 * test the page's own log, so a preset whose story drifts fails in both.
 */
public final class PresetStories {

    public static final int STEPS = 100;

    /** One transition as both the model and the page can give it. */
    public record Move(String kind, String from, String to, int cpu, int sectors, String rwbs, String fn) {
    }

    private static final Map<String, Consumer<List<Move>>> STORIES = Map.ofEntries(
            Map.entry("figure1", m -> {
                IntStream.range(0, 4).forEach(c -> seen(m, "insert", "task:" + c, "ctx:" + c));
                seen(m, "run_async", "none", "none");
                seen(m, "run_queue", "none", "none");
                seen(m, "flush_ctx", "ctx:0", "hctx:0");
                seen(m, "flush_ctx", "ctx:1", "hctx:0");
                seen(m, "flush_ctx", "ctx:2", "hctx:1");
                seen(m, "flush_ctx", "ctx:3", "hctx:1");
                seen(m, "issue", "hctx:0", "driver:0");
                seen(m, "issue", "hctx:1", "driver:1");
                seen(m, "complete", "device:0", "done");
                seen(m, "complete", "device:1", "done");
            }),
            Map.entry("sync-direct-issue", m -> {
                seen(m, "issue", "task:0", "driver:0");
                seen(m, "issue", "task:2", "driver:1");
                seen(m, "complete", "device:0", "done");
                never(m, "insert");
                never(m, "flush_ctx");
                assertTrue(m.stream().noneMatch(x -> x.to().startsWith("ctx:") || x.to().startsWith("hctx:")),
                        "nothing waits in a software or hardware queue");
            }),
            Map.entry("nvme-1to1", m -> {
                IntStream.range(0, 4).forEach(c -> {
                    seen(m, "insert", "task:" + c, "ctx:" + c);
                    seen(m, "flush_ctx", "ctx:" + c, "hctx:" + c);
                    seen(m, "issue", "hctx:" + c, "driver:" + c);
                });
                m.stream().filter(x -> x.kind().equals("flush_ctx")).forEach(x -> assertEquals(
                        x.from().substring(4), x.to().substring(5), "ctx N only ever goes to hctx N: " + x));
                seen(m, "complete", null, "done");
            }),
            Map.entry("plug-merge", m -> {
                seen(m, "plug", "task:0", "plug:0");
                assertTrue(count(m, "backmerge") >= 15, "the next 15 bios back-merge: " + count(m, "backmerge"));
                seen(m, "unplug", null, null);
                seen(m, "insert", "plug:0", "ctx:0");
                seen(m, "issue", "hctx:0", "driver:0");
                seen(m, "complete", "device:0", "done");
                int firstIssue = indexOf(m, "issue");
                assertEquals(15, m.subList(0, firstIssue).stream().filter(x -> x.kind().equals("backmerge")).count(),
                        "16 bios in the first request when it is issued");
            }),
            Map.entry("tags-exhausted", m -> {
                seen(m, "sleeprq", "task:0", "tagwait:0");
                seen(m, "sleeprq", "task:1", "tagwait:0");
                assertTrue(count(m, "tag_get") >= 4, "4 tags taken before the sleep");
                assertTrue(indexOf(m, "sleeprq") > nth(m, "tag_get", 4), "the sleep comes once 4 tags are held");
                seen(m, "complete", "device:0", "done");
                seen(m, "wake", "tagwait:0", null);
                assertTrue(indexOf(m, "wake") > indexOf(m, "complete"), "a completion wakes the sleeper");
            }),
            Map.entry("busy-requeue", m -> {
                seen(m, "stop", null, null);
                seen(m, "requeue", "driver:0", "hctx:0");
                assertEquals(2, m.subList(0, indexOf(m, "requeue")).stream()
                        .filter(x -> x.kind().equals("queue_rq")).count(), "requests 0 and 1 fill the device first");
                seen(m, "start", null, null);
                assertTrue(indexOf(m, "start") > indexOf(m, "complete"), "a completion restarts the queue");
                assertTrue(IntStream.range(indexOf(m, "start"), m.size())
                        .anyMatch(i -> m.get(i).kind().equals("issue")), "issued again after the restart");
            }),
            Map.entry("fewer-ctx-than-hctx", m -> {
                seen(m, "issue", "task:0", "driver:0");
                seen(m, "issue", "task:1", "driver:1");
                seen(m, "complete", null, "done");
                assertTrue(m.stream().noneMatch(x -> touches(x, ":2") || touches(x, ":3")),
                        "hctx 2 and 3 never take a request");
            }),
            Map.entry("legacy-contention", m -> {
                assertEquals(8, m.stream().filter(x -> x.kind().equals("getrq")).map(Move::cpu).distinct().count(),
                        "all eight CPUs get a request");
                seen(m, "insert", "task:0", "elv:0");
                seen(m, "elv_dispatch", "elv:0", "dispatch:0");
                seen(m, "issue", "dispatch:0", "driver:0");
            }),
            Map.entry("bio-based", m -> {
                seen(m, "queue", "none", "task:0");
                seen(m, "make_request", "task:0", "device:0");
                seen(m, "bio_end", null, "done");
                never(m, "getrq");
                never(m, "tag_get");
                never(m, "plug");
                never(m, "insert");
            }),
            Map.entry("iometer", m -> {
                List<Move> queued = m.stream().filter(x -> x.kind().equals("queue")).toList();
                java.util.Set<Integer> sizes = new java.util.TreeSet<>();
                queued.forEach(x -> sizes.add(x.sectors()));
                assertTrue(sizes.size() >= 3, "bios of at least three of the eight sizes: " + sizes);
                assertTrue(java.util.Set.of(1, 2, 4, 8, 16, 32, 64, 128).containsAll(sizes), "only the mix's sizes: " + sizes);
                assertTrue(queued.stream().anyMatch(x -> x.rwbs().contains("W")), "writes among them");
                assertTrue(queued.stream().anyMatch(x -> x.rwbs().contains("R")), "reads among them");
            }),
            Map.entry("nvme-70", m -> {
                // Q G P U D on every CPU, straight from the plug to the driver, each CPU its own hctx.
                java.util.Set<String> drivers = new java.util.TreeSet<>();
                IntStream.range(0, 4).forEach(c -> {
                    seen(m, "plug", "task:" + c, "plug:" + c);
                    seen(m, "issue", "plug:" + c, null);
                    m.stream().filter(x -> x.kind().equals("issue") && x.from().equals("plug:" + c))
                            .forEach(x -> drivers.add(c + ">" + x.to()));
                });
                assertEquals(4, drivers.stream().map(d -> d.substring(d.indexOf('>') + 1)).distinct().count(),
                        "four CPUs, four hardware queues: " + drivers);
                assertTrue(count(m, "unplug") >= 4, "every bio is plugged and unplugged");
                never(m, "insert");
            }),
            Map.entry("sata-70", m -> {
                seen(m, "insert", "plug:0", "elv:0");
                seen(m, "elv_dispatch", "elv:0", "hctx:0");
                seen(m, "issue", "hctx:0", "driver:0");
                assertTrue(m.stream().noneMatch(x -> x.kind().equals("issue") && x.from().startsWith("plug:")),
                        "with mq-deadline every request goes through the scheduler");
            }),
            Map.entry("plug-limit-70", m -> {
                assertTrue(nth(m, "plug", 32) < indexOf(m, "unplug"), "32 requests plugged before the first U");
                seen(m, "issue", "plug:0", "driver:0");
            }),
            Map.entry("cached-70", m -> {
                // The first bio's batch: 7 requests into CPU 0's plug cache before its G; later bios take them.
                assertEquals(7, m.stream().limit(indexOf(m, "getrq")).filter(x -> x.kind().equals("cache")
                        && x.to().equals("cached:0")).count(), "7 cached before the first G");
                assertTrue(m.stream().filter(x -> x.kind().equals("getrq") && x.from().equals("cached:0")).count() >= 7,
                        "bios take the cached requests");
                assertTrue(m.stream().anyMatch(x -> x.kind().equals("free") && x.from().equals("cached:0")
                        && x.fn().equals("blk_mq_free_plug_rqs")), "unused cached requests freed at the plug's end");
            }),
            Map.entry("split-70", m -> {
                // One 1 MiB read: 7 X in the task, 8 requests of 256 sectors, one Q.
                assertEquals(1, m.stream().limit(nth(m, "split", 7)).filter(x -> x.kind().equals("queue")).count(),
                        "7 X for the one Q");
                assertTrue(m.stream().filter(x -> x.kind().equals("issue")).limit(8).allMatch(x -> x.sectors() == 256));
            }),
            Map.entry("shared-tags-70", m -> {
                // nullb1 (CPU 1) is active before nullb0's 9th allocation, which waits with tags free.
                int wait = indexOf(m, "sleeprq");
                assertTrue(wait >= 0, "a tag wait within the first steps");
                assertEquals("task:0", m.get(wait).from());
                assertEquals("tagwait:0", m.get(wait).to());
                List<Move> before = m.subList(0, wait);
                long nullb0 = before.stream().filter(x -> x.kind().equals("getrq") && x.cpu() == 0).count();
                long nullb1 = before.stream().filter(x -> x.kind().equals("getrq") && x.cpu() == 1).count();
                assertEquals(6, nullb0, "nullb0 holds its share, 6 of 12, when it waits");
                assertTrue(nullb1 >= 1 && nullb0 + nullb1 < 12, "nullb1 is active and tags are free: " + nullb1);
            }),
            Map.entry("requeue-70", m -> {
                // D, then R onto q->requeue_list; the requeue work's I from there; a second D of that request.
                assertTrue(m.stream().anyMatch(x -> x.kind().equals("requeue") && x.to().equals("requeue:0")
                        && x.fn().equals("blk_mq_requeue_request")), "the driver hands one back");
                assertTrue(m.stream().anyMatch(x -> x.kind().equals("insert") && x.from().equals("requeue:0")),
                        "the requeue work inserts it again");
            }),
            Map.entry("kyber-70", m -> {
                IntStream.range(0, 2).forEach(c -> {
                    seen(m, "insert", "plug:" + c, "elv:0");
                    seen(m, "elv_dispatch", "elv:0", "hctx:" + c);
                    seen(m, "issue", "hctx:" + c, "driver:" + c);
                });
                assertTrue(m.stream().noneMatch(x -> x.kind().equals("issue") && x.from().startsWith("plug:")),
                        "with kyber every request goes through the scheduler");
            }),
            Map.entry("poll-70", m -> {
                // group_cpus_evenly over 2 poll queues: CPU 1 gets the first (hctx 2), CPU 0 the second.
                int[] pollHctx = {3, 2};
                IntStream.range(0, 2).forEach(c -> {
                    seen(m, "issue", "plug:" + c, "driver:" + pollHctx[c]);
                    assertTrue(m.stream().anyMatch(x -> x.kind().equals("complete")
                            && x.from().equals("device:" + pollHctx[c]) && x.cpu() == c),
                            "CPU " + c + " completes its own polled reads");
                });
                assertTrue(m.stream().noneMatch(x -> x.kind().equals("issue") && !x.to().matches("driver:[23]")),
                        "every read goes to a poll queue");
            }),
            Map.entry("numa-70", m -> {
                // Node 1 (CPUs 4-7) is served first: hctx 0 and 1; node 0 (CPUs 0-3) gets hctx 2 and 3.
                int[] hctxOf = {2, 2, 3, 3, 0, 0, 1, 1};
                IntStream.range(0, 8).forEach(c -> seen(m, "issue", "plug:" + c, "driver:" + hctxOf[c]));
            }),
            Map.entry("xen-iometer", m -> {
                IntStream.range(0, 4).forEach(n -> {
                    assertTrue(m.stream().anyMatch(x -> x.kind().equals("evtchn") && x.cpu() == n),
                            "CPU " + n + " notifies its ring's event channel");
                    assertTrue(m.stream().anyMatch(x -> x.kind().equals("blkback") && x.cpu() == 4 + n
                            && x.from().equals("device:" + n)), "ring " + n + "'s blkback takes its requests on dom0 CPU " + (4 + n));
                });
                assertTrue(m.stream().filter(x -> x.kind().equals("lock_contended")).map(Move::cpu)
                        .filter(c -> c >= 4).distinct().count() >= 2, "dom0's CPUs spin on the grant-table lock");
                assertTrue(m.stream().noneMatch(x -> x.kind().equals("blkback") && x.cpu() < 4), "blkback runs only on dom0's CPUs");
                IntStream.range(0, 4).forEach(n -> {
                    List<String> steps = m.stream().filter(x -> x.kind().equals("blkback") && x.cpu() == 4 + n).map(Move::fn).toList();
                    List<String> story = List.of("xen_blkif_be_int", "xen_blkif_schedule", "dispatch_rw_block_io", "gnttab_map_refs",
                            "submit_bio", "wait_event_interruptible");
                    assertTrue(steps.containsAll(story), "ring " + n + "'s blkback on dom0 CPU " + (4 + n) + ": " + steps);
                    // The thread's own last step (the vCPU's interrupts may end bios after it) is its sleep.
                    List<String> thread = steps.stream().filter(story::contains).filter(f -> !f.equals("xen_blkif_be_int")).toList();
                    assertEquals("wait_event_interruptible", thread.get(thread.size() - 1), "ring " + n + "'s thread asleep again: " + steps);
                });
            }),
            Map.entry("xen-io-lock", m -> {
                seen(m, "insert", "task:0", "elv:0");
                seen(m, "issue", "dispatch:0", "driver:0");
                seen(m, "stop", null, null);
                seen(m, "complete", "device:0", "done");
                assertTrue(indexOf(m, "start") > indexOf(m, "complete"), "blkif_interrupt restarts the queue");
                assertTrue(IntStream.range(indexOf(m, "start"), m.size())
                        .anyMatch(i -> m.get(i).kind().equals("issue") && m.get(i).cpu() == 0),
                        "the interrupt on CPU 0 issues the next requests");
            }));

    private PresetStories() {
    }

    public static List<String> ids() {
        return STORIES.keySet().stream().sorted().toList();
    }

    /** Throws an AssertionError naming what the note promised and the first 100 moves did not show. */
    public static void check(String presetId, List<Move> first100) {
        assertEquals(STEPS, first100.size(), presetId + ": the first " + STEPS + " steps");
        Consumer<List<Move>> story = STORIES.get(presetId);
        assertTrue(story != null, "no story written down for preset " + presetId);
        story.accept(first100);
    }

    private static void seen(List<Move> m, String kind, String from, String to) {
        assertTrue(m.stream().anyMatch(x -> x.kind().equals(kind) && (from == null || from.equals(x.from()))
                && (to == null || to.equals(x.to()))), kind + " " + from + " → " + to + " within the first " + STEPS);
    }

    private static void never(List<Move> m, String kind) {
        assertFalse(m.stream().anyMatch(x -> x.kind().equals(kind)), "no " + kind + " within the first " + STEPS);
    }

    private static long count(List<Move> m, String kind) {
        return m.stream().filter(x -> x.kind().equals(kind)).count();
    }

    private static int indexOf(List<Move> m, String kind) {
        return nth(m, kind, 1);
    }

    /** Index of the n-th move of that kind (1-based), or fails. */
    private static int nth(List<Move> m, String kind, int n) {
        int seen = 0;
        for (int i = 0; i < m.size(); i++) {
            if (m.get(i).kind().equals(kind) && ++seen == n) return i;
        }
        throw new AssertionError(n + " × " + kind + " within the first " + STEPS + ", saw " + seen);
    }

    private static boolean touches(Move x, String queue) {
        return x.from().equals("hctx" + queue) || x.to().equals("hctx" + queue)
                || x.to().equals("driver" + queue) || x.to().equals("device" + queue);
    }
}
