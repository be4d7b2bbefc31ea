package org.blkflow.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics blkparse prints after the events (show_device_and_cpu_stats()), for each device: a
 * block per CPU that logged anything, a Total block when there is more than one, throughput, event
 * count, skips.
 * Numbers use blkparse's {@code %'8Lu}: thousands grouped as in the en_US locale it asks for.
 */
final class BlkparseSummary {

    /** Each device's statistics, in the order blkparse met them (its devices[] array). */
    private final Map<Integer, Disk> disks = new LinkedHashMap<>();

    void account(TraceRecord r, long relativeTime) {
        disks.computeIfAbsent(r.device(), d -> new Disk()).account(r, relativeTime);
    }

    /** One device's blocks after another's, a blank line between, as show_device_and_cpu_stats() loops. */
    String render() {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<Integer, Disk> e : disks.entrySet()) {
            if (s.length() > 0) s.append('\n');
            e.getValue().render(s, DeviceNumber.name(e.getKey()));
        }
        return s.toString();
    }

    /** blkparse's struct per_dev_info: one device's CPUs, depth and event count. */
    private static final class Disk {

        private final List<IoStats> cpus = new ArrayList<>();
        private final int[] depth = new int[2];
        private final int[] maxDepth = new int[2];
        private long events;
        private long firstTime = -1;
        private long lastTime;

        void account(TraceRecord r, long relativeTime) {
            while (cpus.size() <= r.cpu()) cpus.add(new IoStats());
            cpus.get(r.cpu()).account(r);
            int w = BlkAction.isWrite(r.action()) ? 1 : 0;
            switch (r.letter()) {
                case "D" -> maxDepth[w] = Math.max(maxDepth[w], ++depth[w]);
                case "C", "R" -> depth[w] = Math.max(0, depth[w] - 1);
                default -> { }
            }
            if (firstTime < 0) firstTime = relativeTime;
            lastTime = relativeTime;
            events++;
        }

        void render(StringBuilder s, String device) {
            IoStats total = new IoStats();
            int shown = 0;
            for (int cpu = 0; cpu < cpus.size(); cpu++) {
                IoStats c = cpus.get(cpu);
                if (c.events == 0) continue;
                total.add(c);
                block(s, "CPU" + cpu + " (" + device + "):", c, maxDepth);
                shown++;
            }
            if (shown > 1) {
                s.append('\n');
                block(s, "Total (" + device + "):", total, null);
            }
            long msec = (lastTime - Math.max(0, firstTime)) / 1_000_000;
            long readRate = msec == 0 ? 0 : 1000 * total.completedKb[0] / msec;
            long writeRate = msec == 0 ? 0 : 1000 * total.completedKb[1] / msec;
            s.append("\nThroughput (R/W): ").append(group(readRate)).append("KiB/s / ").append(group(writeRate)).append("KiB/s\n");
            s.append("Events (").append(device).append("): ").append(group(events)).append(" entries\n");
            s.append("Skips: 0 forward (0 -   0.0%)\n");
        }
    }

    /** @param maxDepth the device's deepest reads and writes in flight, shown in each CPU's block; null for Total */
    private static void block(StringBuilder s, String title, IoStats c, int[] maxDepth) {
        s.append(title).append('\n');
        pair(s, " Reads Queued:    ", c.queued[0], c.queuedKb[0], " Writes Queued:    ", c.queued[1], c.queuedKb[1]);
        pair(s, " Read Dispatches: ", c.dispatched[0], c.dispatchedKb[0], " Write Dispatches: ", c.dispatched[1], c.dispatchedKb[1]);
        s.append(" Reads Requeued:  ").append(size(c.requeued[0], false)).append("\t\t Writes Requeued:  ")
                .append(size(c.requeued[1], false)).append('\n');
        pair(s, " Reads Completed: ", c.completed[0], c.completedKb[0], " Writes Completed: ", c.completed[1], c.completedKb[1]);
        pair(s, " Read Merges:     ", c.merged[0], c.mergedKb[0], " Write Merges:     ", c.merged[1], c.mergedKb[1]);
        if (maxDepth != null) {
            s.append(" Read depth:      ").append(pad(group(maxDepth[0]))).append("        \t Write depth:      ")
                    .append(pad(group(maxDepth[1]))).append('\n');
        }
        s.append(" IO unplugs:      ").append(pad(group(c.ioUnplugs))).append("        \t Timer unplugs:    ")
                .append(pad(group(c.timerUnplugs))).append('\n');
    }

    private static void pair(StringBuilder s, String left, long n, long kb, String right, long n2, long kb2) {
        s.append(left).append(size(n, false)).append(", ").append(size(kb, true)).append("iB\t")
                .append(right).append(size(n2, false)).append(", ").append(size(kb2, true)).append("iB\n");
    }

    /** blkparse's size_cnv(): above a million, divide by 1000 and add K, M, G, P. */
    static String size(long n, boolean inKb) {
        char[] suffix = {'\0', 'K', 'M', 'G', 'P'};
        int i = inKb ? 1 : 0;
        while (n > 1_000_000 && i < suffix.length - 1) {
            i++;
            n /= 1000;
        }
        return pad(group(n)) + (suffix[i] == '\0' ? "" : String.valueOf(suffix[i]));
    }

    static String group(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    private static String pad(String s) {
        return s.length() >= 8 ? s : " ".repeat(8 - s.length()) + s;
    }
}
