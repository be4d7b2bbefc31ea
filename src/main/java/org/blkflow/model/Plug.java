package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * struct blk_plug: a task's private list of requests between blk_start_plug and blk_finish_plug,
 * where async I/O waits (and merges) before it reaches a software queue.
 */
final class Plug {

    final List<Request> mqList = new ArrayList<>();

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
