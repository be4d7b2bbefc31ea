package org.blkflow.trace;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.input.BoundedNumber;

/** The kernel's cpulist syntax ("0-3,6", "8, 9, 10"), as sysfs prints it and fio's cpus_allowed takes it. */
public final class CpuList {

    private CpuList() {
    }

    /**
     * The CPUs in order of mention; throws {@link SysfsCpuMap.Rejected} naming {@code line}. Each
     * range is checked against {@code maxCpus} before it is expanded, so no text lists more CPUs
     * than {@code maxCpus} per item.
     */
    public static List<Integer> parse(String list, int line, int maxCpus) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            BoundedNumber.Range range;
            try {
                range = BoundedNumber.range("cpu", p.replaceAll("\\s*-\\s*", "-"), 0, maxCpus - 1);
            } catch (BoundedNumber.Refused e) {
                throw new SysfsCpuMap.Rejected(line, "'" + p + "' is not a CPU or an ascending range of CPUs between 0 and "
                        + (maxCpus - 1));
            }
            if (cpus.size() + range.count() > maxCpus) {
                throw new SysfsCpuMap.Rejected(line, "lists more than " + maxCpus + " CPUs");
            }
            for (long cpu = range.from(); cpu <= range.to(); cpu++) cpus.add((int) cpu);
        }
        if (cpus.isEmpty()) throw new SysfsCpuMap.Rejected(line, "no CPUs listed");
        return cpus;
    }
}
