package org.blkflow.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blkflow.input.BoundedNumber;

/**
 * Reads a machine's CPU→hctx map from {@code grep . /sys/block/DEV/mq/*&#47;cpu_list} output
 * ({@code .../mq/3/cpu_list:8, 9, 10}) or plain {@code 3: 8-10} lines. Every CPU from 0 up must be
 * in exactly one hardware queue, and the queues must be numbered 0, 1, 2, … without gaps.
 */
public final class SysfsCpuMap {

    /** A map that cannot be used, with the 1-based line at fault (0 when no single line is). */
    public static final class Rejected extends IllegalArgumentException {
        private final int line;

        public Rejected(int line, String message) {
            super(line > 0 ? "line " + line + ": " + message : message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final Pattern SYSFS = Pattern.compile("^.*?mq/(\\d+)/cpu_list:\\s*(.*)$");
    private static final Pattern PLAIN = Pattern.compile("^(\\d+)\\s*:\\s*(.*)$");
    private static final int MAX_CPUS = 4096;

    private SysfsCpuMap() {
    }

    /** The hctx of each CPU. */
    public static int[] parse(String text) {
        int[] hctxOf = new int[MAX_CPUS];
        Arrays.fill(hctxOf, -1);
        List<Integer> lineOfHctx = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            readLine(lines[i].strip(), i + 1, hctxOf, lineOfHctx);
        }
        return finish(hctxOf, lineOfHctx);
    }

    private static void readLine(String line, int n, int[] hctxOf, List<Integer> lineOfHctx) {
        Matcher m = SYSFS.matcher(line);
        if (!m.matches() && !(m = PLAIN.matcher(line)).matches()) {
            throw new Rejected(n, "expected '.../mq/HCTX/cpu_list:CPUS' or 'HCTX: CPUS', not '" + line + "'");
        }
        int hctx;
        try {
            // Queues are numbered without gaps and each has a CPU, so there are never more than CPUs.
            hctx = BoundedNumber.parseInt("hctx", m.group(1), 0, MAX_CPUS - 1);
        } catch (BoundedNumber.Refused e) {
            throw new Rejected(n, "hardware queue '" + m.group(1) + "' " + e.getMessage());
        }
        while (lineOfHctx.size() <= hctx) lineOfHctx.add(0);
        if (lineOfHctx.get(hctx) != 0) {
            throw new Rejected(n, "hardware queue " + hctx + " is already listed on line " + lineOfHctx.get(hctx));
        }
        lineOfHctx.set(hctx, n);
        for (int cpu : CpuList.parse(m.group(2), n, MAX_CPUS)) {
            if (hctxOf[cpu] >= 0) {
                throw new Rejected(n, "CPU " + cpu + " is listed twice (already in hardware queue " + hctxOf[cpu] + ")");
            }
            hctxOf[cpu] = hctx;
        }
    }

    private static int[] finish(int[] hctxOf, List<Integer> lineOfHctx) {
        if (lineOfHctx.isEmpty()) throw new Rejected(0, "no cpu_list lines");
        for (int h = 0; h < lineOfHctx.size(); h++) {
            if (lineOfHctx.get(h) == 0) {
                throw new Rejected(0, "hardware queue " + h + " is missing: queues must be numbered 0 to "
                        + (lineOfHctx.size() - 1) + " without gaps");
            }
        }
        int cpus = MAX_CPUS;
        while (cpus > 0 && hctxOf[cpus - 1] < 0) cpus--;
        for (int cpu = 0; cpu < cpus; cpu++) {
            if (hctxOf[cpu] < 0) {
                throw new Rejected(0, "CPU " + cpu + " is in no hardware queue, though CPU " + (cpus - 1) + " is");
            }
        }
        return Arrays.copyOf(hctxOf, cpus);
    }
}
