package org.blkflow.model;

import java.util.BitSet;

/**
 * lib/group_cpus.c of 7.0 (the cluster-aware version): group_cpus_evenly() spreads the CPUs over
 * {@code numgrps} groups, NUMA node by node in proportion to their CPUs, keeping SMT siblings
 * together and, where a node has no more clusters than groups, cluster by cluster. The kernel's
 * unstable heapsort decides which node and which cluster is served first, so its order is kept
 * exactly ({@link #sort}). Every CPU is present here, so the second stage (possible but not present
 * CPUs) never has work.
 */
final class GroupCpus {

    /** UINT_MAX in node_groups[].ncpus: a node with no CPU in the mask. */
    private static final long ABSENT = 0xFFFF_FFFFL;

    private final int numgrps;
    private final BitSet[] nodeCpus;
    private final BitSet[] siblings;
    private final BitSet[] clusters;
    private final BitSet[] masks;
    private int curgrp;

    /** One node_groups / clusters entry: its id and its CPU count, later overwritten by its groups. */
    static final class Entry {
        final int id;
        long n;

        Entry(int id, long n) {
            this.id = id;
            this.n = n;
        }
    }

    private GroupCpus(int numgrps, BitSet[] nodeCpus, BitSet[] siblings, BitSet[] clusters) {
        this.numgrps = numgrps;
        this.nodeCpus = nodeCpus;
        this.siblings = siblings;
        this.clusters = clusters;
        this.masks = new BitSet[numgrps];
        for (int g = 0; g < numgrps; g++) masks[g] = new BitSet();
    }

    /**
     * group_cpus_evenly(): the groups' CPU masks; only the first {@code nummasks} are meant, which
     * {@link CpuMap70} reads as masks.length.
     *
     * @param siblings topology_sibling_cpumask of each CPU (itself included)
     * @param clusters topology_cluster_cpumask of each CPU (itself included)
     */
    static BitSet[] evenly(int numgrps, BitSet[] nodeCpus, BitSet[] siblings, BitSet[] clusters) {
        GroupCpus g = new GroupCpus(numgrps, nodeCpus, siblings, clusters);
        BitSet present = new BitSet();
        for (BitSet node : nodeCpus) present.or(node);
        int nrPresent = g.spread(present);
        int nummasks = Math.min(nrPresent, numgrps);
        BitSet[] out = new BitSet[nummasks];
        System.arraycopy(g.masks, 0, out, 0, nummasks);
        return out;
    }

    /** __group_cpus_evenly() over {@code cpuMask}, from group 0. */
    private int spread(BitSet cpuMask) {
        if (cpuMask.isEmpty()) return 0;
        int nodes = 0;
        for (BitSet node : nodeCpus) {
            if (node.intersects(cpuMask)) nodes++;
        }
        if (numgrps <= nodes) {
            for (BitSet node : nodeCpus) {
                if (!node.intersects(cpuMask)) continue;
                masks[curgrp].or(and(cpuMask, node));
                if (++curgrp == numgrps) curgrp = 0;
            }
            return numgrps;
        }
        Entry[] groups = new Entry[nodeCpus.length];
        long numcpus = 0;
        for (int n = 0; n < nodeCpus.length; n++) {
            int c = and(cpuMask, nodeCpus[n]).cardinality();
            groups[n] = new Entry(n, c == 0 ? ABSENT : c);
            numcpus += c;
        }
        allocGroups(Math.min(numgrps, numcpus), numcpus, groups);
        int done = 0;
        for (Entry e : groups) {
            if (e.n == ABSENT) continue;
            BitSet cpus = and(cpuMask, nodeCpus[e.id]);
            if (cpus.isEmpty()) continue;
            if (!tryClusters(cpus, (int) e.n)) assign(cpus, cpus.cardinality(), (int) e.n);
            done += (int) e.n;
        }
        return done;
    }

    /**
     * alloc_groups_to_nodes(): sort by CPU count (the kernel's heapsort), then give each entry
     * max(1, groups × its CPUs / CPUs left), in sorted order.
     */
    private static void allocGroups(long numgrps, long remaining, Entry[] entries) {
        sort(entries);
        for (Entry e : entries) {
            if (e.n == ABSENT) continue;
            long ncpus = e.n;
            long ngroups = Math.max(1, numgrps * ncpus / remaining);
            e.n = ngroups;
            remaining -= ncpus;
            numgrps -= ngroups;
        }
    }

    /** __try_group_cluster_cpus(): a node with no more clusters than groups is spread by cluster. */
    private boolean tryClusters(BitSet cpus, int ngroups) {
        BitSet left = (BitSet) cpus.clone();
        int[] firstCpu = new int[cpus.cardinality()];
        int count = 0;
        while (!left.isEmpty()) {
            int c = left.nextSetBit(0);
            if (clusters[c].isEmpty()) return false;
            left.andNot(clusters[c]);
            firstCpu[count++] = c;
        }
        if (count == 0 || count > ngroups) return false;
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) entries[i] = new Entry(i, and(clusters[firstCpu[i]], cpus).cardinality());
        allocGroups(ngroups, cpus.cardinality(), entries);
        for (Entry e : entries) {
            BitSet members = and(cpus, clusters[firstCpu[e.id]]);
            assign(members, members.cardinality(), (int) e.n);
        }
        return true;
    }

    /** assign_cpus_to_groups(): ⌊ncpus / ngroups⌋ CPUs per group, the first groups one more. */
    private void assign(BitSet cpus, int ncpus, int ngroups) {
        BitSet left = (BitSet) cpus.clone();
        int extra = ncpus - ngroups * (ncpus / ngroups);
        for (int v = 0; v < ngroups; v++) {
            int k = ncpus / ngroups;
            if (extra > 0) {
                k++;
                extra--;
            }
            if (curgrp >= numgrps) curgrp = 0;
            spreadOne(masks[curgrp], left, k);
            curgrp++;
        }
    }

    /** grp_spread_init_one(): the lowest CPU left, then its siblings, until k are taken. */
    private void spreadOne(BitSet mask, BitSet left, int k) {
        while (k > 0 && !left.isEmpty()) {
            int cpu = left.nextSetBit(0);
            left.clear(cpu);
            mask.set(cpu);
            k--;
            for (int s = siblings[cpu].nextSetBit(0); s >= 0 && k > 0; s = siblings[cpu].nextSetBit(s + 1)) {
                if (!left.get(s)) continue;
                left.clear(s);
                mask.set(s);
                k--;
            }
        }
    }

    /** ncpus_cmp_func(): the difference of two u32 counts read as an int, so UINT_MAX acts like -1. */
    private static int cmp(Entry a, Entry b) {
        return (int) ((a.n - b.n) & 0xFFFF_FFFFL);
    }

    /**
     * lib/sort.c's sort(): a bottom-up heapsort that pops two elements per round. It is not stable:
     * equal keys [0, 1] come out [1, 0], and [0, 1, 2] come out [2, 1, 0].
     */
    static void sort(Entry[] a) {
        int n = a.length;
        if (n < 2) return;
        for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
        int m = n;
        while (m > 3) {
            swap(a, 0, --m);
            int k = cmp(a[1], a[2]) <= 0 ? 2 : 1;
            swap(a, k, --m);
            sift(a, k, m);
            sift(a, 0, m);
        }
        swap(a, 0, --m);
        if (m == 2 && cmp(a[0], a[1]) > 0) swap(a, 0, 1);
    }

    /** Down to a leaf along the larger children (ties to the right), back up to where a[i] belongs. */
    private static void sift(Entry[] a, int i, int m) {
        int b = i;
        int c;
        int d;
        while ((d = (c = 2 * b + 1) + 1) < m) b = cmp(a[c], a[d]) > 0 ? c : d;
        if (d == m) b = c;
        while (b != i && cmp(a[i], a[b]) >= 0) b = (b - 1) / 2;
        int target = b;
        while (b != i) {
            b = (b - 1) / 2;
            swap(a, b, target);
        }
    }

    private static void swap(Entry[] a, int i, int j) {
        Entry t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static BitSet and(BitSet x, BitSet y) {
        BitSet r = (BitSet) x.clone();
        r.and(y);
        return r;
    }
}
