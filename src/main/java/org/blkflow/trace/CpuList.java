package org.blkflow.trace;

import java.util.ArrayList;
import java.util.List;

/** The kernel's cpulist syntax ("0-3,6", "8, 9, 10"), as sysfs prints it and fio's cpus_allowed takes it. */
public final class CpuList {

    private CpuList() {
    }

    /** The CPUs in order of mention; throws {@link SysfsCpuMap.Rejected} naming {@code line}. */
    public static List<Integer> parse(String list, int line, int maxCpus) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            String[] range = p.split("-", -1);
            if (range.length > 2 || !range[0].strip().matches("\\d{1,5}") || (range.length == 2 && !range[1].strip().matches("\\d{1,5}"))) {
                throw new SysfsCpuMap.Rejected(line, "'" + p + "' is not a CPU number or range like 0-3");
            }
            int from = Integer.parseInt(range[0].strip());
            int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
            if (to < from || to >= maxCpus) {
                throw new SysfsCpuMap.Rejected(line, "'" + p + "' is not a range of CPUs between 0 and " + (maxCpus - 1));
            }
            for (int cpu = from; cpu <= to; cpu++) cpus.add(cpu);
        }
        if (cpus.isEmpty()) throw new SysfsCpuMap.Rejected(line, "no CPUs listed");
        return cpus;
    }
}
