package org.blkflow.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * struct blk_plug: a task's private list of requests between blk_start_plug and blk_finish_plug,
 * where async I/O waits (and merges) before it reaches a software queue.
 */
final class Plug {

    /** BLK_MAX_REQUEST_COUNT: blk_start_plug_nr_ios() caps nr_ios at 32. */
    static final int MAX_NR_IOS = 32;

    final List<Request> mqList = new ArrayList<>();
    /** plug->nr_ios (7.0): tags the first allocation may take in one batch; 1 afterwards. */
    int nrIos;
    /** plug->cached_rqs (7.0): the batch's spare requests, the head used first. */
    final ArrayDeque<Request> cachedRqs = new ArrayDeque<>();
    /** plug->multiple_queues (7.0): set by a request of another queue than the oldest's; cleared only by blk_start_plug. */
    boolean multipleQueues;

    /** blk_start_plug(): nr_ios = 1. */
    Plug() {
        this(1);
    }

    /** blk_start_plug_nr_ios(). */
    Plug(int nrIos) {
        this.nrIos = Math.max(1, Math.min(nrIos, MAX_NR_IOS));
    }

    boolean isEmpty() {
        return mqList.isEmpty();
    }

    /**
     * blk_finish_plug(): a plug still holding requests is flushed (by the interface's own flush,
     * which runs {@code then} when done); then current->plug is cleared and the task goes on.
     */
    static void finish(Task task, Consumer<Runnable> flush, Runnable done) {
        Runnable unplugged = () -> {
            task.plug = null;
            done.run();
        };
        if (task.plug.isEmpty()) unplugged.run();
        else flush.accept(unplugged);
    }

    /** Takes the whole list for a flush, leaving the plug empty (list_splice_init). */
    List<Request> drain() {
        List<Request> list = new ArrayList<>(mqList);
        mqList.clear();
        return list;
    }
}
