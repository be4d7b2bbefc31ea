package org.blkflow.web;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.runs.SweepPlan;
import org.blkflow.runs.XenIometer;
import org.blkflow.scenario.Rings;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published xen-blkfront sweep (runs/XenIometer) as a sweep request: its axis of jobs is a number
 * of fio tasks laid over the guest's vCPUs, which no one scenario field varies, so the page asks for it
 * by name instead of through {@code vary}. Each point says what it set: {@code device.rings} and
 * {@code jobs}, in the order XenIometer lists them, and what the RFC published at that point
 * ({@code published}, IOPS), so the page can draw the paper's curve beside the model's.
 */
final class XenIometerSweep {

    private XenIometerSweep() {
    }

    static SweepRequest request() {
        List<ObjectNode> values = new ArrayList<>();
        for (Rings rings : XenIometer.RING_LAYOUTS) {
            for (int jobs : XenIometer.JOBS) {
                values.add(JsonNodeFactory.instance.objectNode().put("device.rings", rings.label()).put("jobs", jobs)
                        .put("published", XenIometer.published(rings, jobs)));
            }
        }
        return new SweepRequest(SweepPlan.of(XenIometer.points(XenIometer.TASK_IOS, XenIometer.BACKEND)), List.copyOf(values));
    }
}
