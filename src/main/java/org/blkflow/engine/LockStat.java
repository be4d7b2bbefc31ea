package org.blkflow.engine;

import java.util.List;

/**
 * One lock's line of /proc/lock_stat: how often it was taken and contended, how long CPUs waited
 * for it and held it, and which call sites found it held.
 *
 * @param contendedBy call sites (kernel function names) that waited, most frequent first, as
 *                    "blkif_interrupt: 12"
 */
public record LockStat(String name, long contentions, long acquisitions,
                       long waitTimeMinNs, long waitTimeAvgNs, long waitTimeMaxNs,
                       long holdTimeMinNs, long holdTimeAvgNs, long holdTimeMaxNs,
                       List<String> contendedBy) {
}
