package org.blkflow.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spec kernel-6x.md §9, rules 15 and 31: the dispatch_busy EWMA and the async-run CPU rotation. */
class Hctx70Test {

    private static Hctx70 hctx(int... cpus) {
        HardwareQueue hw = new HardwareQueue(0, new TagSet<>(1, 0));
        for (int cpu : cpus) hw.addCtx(new SoftwareQueue(cpu, hw, hw.ctxs.size(), 0));
        return new Hctx70(hw, null, null);
    }

    @Test
    void rule15_dispatchBusyClimbsTo9AndDecaysTo0() {
        Hctx70 x = hctx(0);
        x.updateDispatchBusy(false);
        assertEquals(0, x.dispatchBusy, "an idle sample at 0 leaves 0");
        List<Integer> up = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            x.updateDispatchBusy(true);
            up.add(x.dispatchBusy);
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8, 9, 9, 9), up);
        List<Integer> down = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            x.updateDispatchBusy(false);
            down.add(x.dispatchBusy);
        }
        assertEquals(List.of(7, 6, 5, 4, 3, 2, 1, 0), down);
    }

    @Test
    void rule31_asyncRunsRotateEvery8CallsStartingAfter7() {
        Hctx70 x = hctx(2, 3);
        List<Integer> cpus = new ArrayList<>();
        for (int call = 1; call <= 24; call++) cpus.add(x.nextCpu());
        List<Integer> expected = new ArrayList<>();
        for (int call = 1; call <= 24; call++) expected.add(call <= 7 ? 2 : ((call - 8) / 8) % 2 == 0 ? 3 : 2);
        assertEquals(expected, cpus);
    }
}
