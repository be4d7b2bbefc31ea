package org.blkflow.transition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each 7.0 mq-deadline lane (elv:N) as a seek needs it: the batch the model reported with the
 * dispatch last delivered, and dd->dispatch, the requests the requeue work put back at its head
 * (an I from requeue:N into elv:N, served before any batch) as the moves show them.
 */
final class DeadlineLanes {

    private final Map<Integer, DeadlineBatch> batches = new TreeMap<>();
    private final Map<Integer, ArrayDeque<Long>> dispatch = new TreeMap<>();

    /** The model's batch after the dispatch just delivered; null for any other transition. */
    void batch(DeadlineBatch batch) {
        if (batch != null) batches.put(batch.elv(), batch);
    }

    void apply(Transition t) {
        // A replayed trace's moves may name no place.
        if (t.req() < 0 || t.from() == null || t.to() == null) return;
        if (t.kind() == TransitionKind.INSERT && t.to().kind() == PlaceKind.ELEVATOR && t.from().kind() == PlaceKind.REQUEUE) {
            dispatch.computeIfAbsent(t.to().index(), k -> new ArrayDeque<>()).addFirst(t.req());
        } else if (t.from().kind() == PlaceKind.ELEVATOR) {
            ArrayDeque<Long> head = dispatch.get(t.from().index());
            if (head != null) head.remove(t.req());
        }
    }

    List<Snapshot.DeadlineLane> view() {
        List<Snapshot.DeadlineLane> lanes = new ArrayList<>(batches.size());
        for (DeadlineBatch b : batches.values()) {
            lanes.add(new Snapshot.DeadlineLane(b, List.copyOf(dispatch.getOrDefault(b.elv(), new ArrayDeque<>()))));
        }
        return lanes;
    }
}
