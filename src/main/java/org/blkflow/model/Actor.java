package org.blkflow.model;

/**
 * Who the CPU is running when a transition happens: blktrace records the current task's pid and
 * name, so a dispatch from kblockd shows a kworker and a timer completion shows the idle task.
 */
record Actor(int pid, String comm) {

    static Actor kworker(int cpu) {
        return new Actor(200 + cpu, "kworker/" + cpu + ":1H");
    }

    static Actor interrupt(int cpu) {
        return new Actor(0, "swapper/" + cpu);
    }
}
