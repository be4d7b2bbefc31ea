package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/** A NUMA node's CPUs written as sysfs writes a cpulist ("0-3,8"), for JSON and links alike. */
public final class NumaNodes {

    private NumaNodes() {
    }

    /** "0-3,8" → [0, 1, 2, 3, 8]; throws IllegalArgumentException naming what is wrong. */
    public static List<Integer> parse(String cpulist) {
        List<Integer> cpus = new ArrayList<>();
        for (String item : cpulist.split(",", -1)) {
            LinkValues.parseCpuItem(item, cpus);
        }
        return cpus;
    }

    public static String format(List<Integer> cpus) {
        return LinkValues.formatCpus(cpus);
    }
}
