package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Spec kernel-6x.md §6.6 and rule 36: blk_mq_map_queues() over group_cpus_evenly() in 7.0. The
 * derived cases were worked by hand from §6.2–6.3, step by step as the comments say; clusters are
 * the SMT siblings (x86), or the CPU alone without SMT.
 */
class CpuMap70Test {

    private static int[] nodes(int... node) {
        return node;
    }

    private static int[] noSmt(int cpus) {
        int[] first = new int[cpus];
        for (int c = 0; c < cpus; c++) first[c] = c;
        return first;
    }

    @Test
    void rule36_exampleA_fourCpusTwoQueues() {
        // 4 clusters > 2 groups: no cluster path; assign gives {0,1} {2,3}.
        assertArrayEquals(new int[] {0, 0, 1, 1}, CpuMap70.mapQueues(2, nodes(0, 0, 0, 0), noSmt(4)));
    }

    @Test
    void rule36_exampleB_twoNodesThreeQueues() {
        // [node0:3, node1:3] heapsorts to [node1, node0]: node1 gets 1 group ({3,4,5} = group 0),
        // node0 gets 2 ({0,1} = group 1, {2} = group 2).
        assertArrayEquals(new int[] {1, 1, 2, 0, 0, 0}, CpuMap70.mapQueues(3, nodes(0, 0, 0, 1, 1, 1), noSmt(6)));
    }

    @Test
    void rule36_exampleC_asManyQueuesAsCpusIsPermutedByTheHeapsort() {
        // 3 clusters ≤ 3 groups: the cluster path; 3 equal clusters sort to [2, 1, 0].
        assertArrayEquals(new int[] {2, 1, 0}, CpuMap70.mapQueues(3, nodes(0, 0, 0), noSmt(3)));
    }

    @Test
    void heapsortOfEqualKeysIsNotStable() {
        assertArrayEquals(new int[] {1, 0}, sortedIds(2));
        assertArrayEquals(new int[] {2, 1, 0}, sortedIds(3));
        // Four: heapify leaves [0,1,2,3]; pop 3↔0 gives [3,1,2,0], k = 2 (a tie goes right), the
        // second pop swaps a[2] with itself; the finish swaps a[0], a[1]: [1,3,2,0].
        assertArrayEquals(new int[] {1, 3, 2, 0}, sortedIds(4));
    }

    private static int[] sortedIds(int n) {
        GroupCpus.Entry[] e = new GroupCpus.Entry[n];
        for (int i = 0; i < n; i++) e[i] = new GroupCpus.Entry(i, 1);
        GroupCpus.sort(e);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) ids[i] = e[i].id;
        return ids;
    }

    @Test
    void derived_smtPairsAreClustersAndTheHeapsortOrdersThem() {
        // 8 CPUs, smt 2 (CPU c and c+4 share a core), 4 queues, one node: 4 clusters ≤ 4 groups, so
        // the cluster path. The 4 equal clusters {0,4} {1,5} {2,6} {3,7} sort to [1, 3, 2, 0]
        // (heapsortOfEqualKeysIsNotStable): group 0 = {1,5}, 1 = {3,7}, 2 = {2,6}, 3 = {0,4}.
        int[] first = {0, 1, 2, 3, 0, 1, 2, 3};
        assertArrayEquals(new int[] {3, 0, 2, 1, 3, 0, 2, 1}, CpuMap70.mapQueues(4, nodes(0, 0, 0, 0, 0, 0, 0, 0), first));
    }

    @Test
    void derived_smtSiblingsStayTogetherWithFewerQueues() {
        // 8 CPUs, smt 2, 2 queues: 4 clusters > 2 groups; assign takes 4 CPUs per group, each the
        // lowest CPU left and then its sibling: {0,4,1,5} and {2,6,3,7}.
        int[] first = {0, 1, 2, 3, 0, 1, 2, 3};
        assertArrayEquals(new int[] {0, 0, 1, 1, 0, 0, 1, 1}, CpuMap70.mapQueues(2, nodes(0, 0, 0, 0, 0, 0, 0, 0), first));
    }

    @Test
    void derived_twoNodesAsManyQueuesAsNodes() {
        // 2 groups ≤ 2 nodes: each node whole in one group, in node order.
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1},
                CpuMap70.mapQueues(2, nodes(0, 0, 0, 0, 1, 1, 1, 1), noSmt(8)));
    }

    @Test
    void derived_twoEqualNodesFourQueuesNodeOneFirst() {
        // [node0:4, node1:4] sorts to [node1, node0]; 2 groups each; node1: {4,5} {6,7} = groups
        // 0, 1; node0: {0,1} {2,3} = groups 2, 3.
        assertArrayEquals(new int[] {2, 2, 3, 3, 0, 0, 1, 1},
                CpuMap70.mapQueues(4, nodes(0, 0, 0, 0, 1, 1, 1, 1), noSmt(8)));
    }

    @Test
    void derived_unevenNodesShareGroupsByTheirCpus() {
        // [node0:4, node1:2] sorts to [node1:2, node0:4]; node1 gets max(1, 3·2/6) = 1 group
        // ({4,5} = group 0), node0 the other 2 ({0,1} = 1, {2,3} = 2).
        assertArrayEquals(new int[] {1, 1, 2, 2, 0, 0}, CpuMap70.mapQueues(3, nodes(0, 0, 0, 0, 1, 1), noSmt(6)));
    }

    @Test
    void derived_fourCoreClustersWithSmtOnTwoNodes() {
        // 8 CPUs on 2 nodes of 2 cores (smt 2: node0 = {0,1,4,5}, node1 = {2,3,6,7}), 4 queues:
        // [node0:4, node1:4] sorts to [node1, node0], 2 groups each; node1's 2 clusters {2,6} {3,7}
        // ≤ 2 groups: the cluster path, 2 equal clusters sort [1, 0]: {3,7} = group 0, {2,6} = 1;
        // node0 likewise: {1,5} = group 2, {0,4} = group 3.
        int[] first = {0, 1, 2, 3, 0, 1, 2, 3};
        assertArrayEquals(new int[] {3, 2, 1, 0, 3, 2, 1, 0},
                CpuMap70.mapQueues(4, nodes(0, 0, 1, 1, 0, 0, 1, 1), first));
    }
}
