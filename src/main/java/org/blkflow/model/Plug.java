package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;

/**
 * struct blk_plug: a task's private list of requests between blk_start_plug and blk_finish_plug,
 * where async I/O waits (and merges) before it reaches a software queue.
 */
final class Plug {

    final List<Request> mqList = new ArrayList<>();

    boolean isEmpty() {
        return mqList.isEmpty();
    }

    /** Takes the whole list for a flush, leaving the plug empty (list_splice_init). */
    List<Request> drain() {
        List<Request> list = new ArrayList<>(mqList);
        mqList.clear();
        return list;
    }
}
