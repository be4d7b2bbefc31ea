package org.blkflow.model;

import java.util.ArrayDeque;

/** noop: one FIFO; merges only through the block layer's own back-merge hash. */
final class NoopElevator implements Elevator {

    private final ArrayDeque<Request> fifo = new ArrayDeque<>();

    @Override
    public void add(Request rq, long now) {
        fifo.add(rq);
    }

    @Override
    public Request dispatch(long now) {
        return fifo.poll();
    }

    @Override
    public Request frontMergeCandidate(Bio bio) {
        return null;
    }

    @Override
    public void merged(Request rq, long oldSector) {
    }

    @Override
    public boolean isEmpty() {
        return fifo.isEmpty();
    }

    @Override
    public String dispatchFn() {
        return "noop_dispatch";
    }
}
