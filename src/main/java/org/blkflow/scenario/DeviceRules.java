package org.blkflow.scenario;

import java.util.List;

/**
 * Several null_blk devices (nr_devices, shared_tags) and the jobs' files on them: 7.0's alone, since
 * the 3.16 model has one request queue, and each job's device numbers must name a device of the run.
 */
final class DeviceRules {

    private DeviceRules() {
    }

    static void check(Scenario s, ProblemList p) {
        Device d = s.device();
        if (d == null) return;
        boolean modern = s.modern();
        if (!modern) {
            if (d.count() > 1 && d.count() <= Device.MAX_COUNT) p.add("device.count", d.count(), "must be 1 with kernel "
                    + "\"3.16\" (several devices in one run are modelled for Linux 7.0); kernel \"7.0\" allows 1-"
                    + Device.MAX_COUNT);
            if (d.sharedTags()) p.add("device.sharedTags", true, "must be false with kernel \"3.16\" (null_blk's "
                    + "shared_tags is modelled for Linux 7.0)");
        }
        if (modern && d.tagsShared()) checkShared(s, d, p);
        // A polling task reaps one queue's poll list; polling several devices' is not modelled.
        if (modern && d.count() > 1 && d.pollQueues() > 0) p.add("device.pollQueues", d.pollQueues(), "must be 0 with "
                + "device.count " + d.count() + ": polled I/O on several devices is not modelled");
        for (int i = 0; s.jobs() != null && i < s.jobs().size(); i++) {
            Job j = s.jobs().get(i);
            if (j != null) checkJob("jobs[" + i + "].devices", j.devices(), modern ? d.count() : 1, modern, p);
        }
    }

    /**
     * A request over its fair share on a shared set waits for a tag at allocation, which is modelled;
     * under a scheduler it would wait for a driver tag at dispatch (blk_mq_mark_tag_wait on the shared
     * set's wait queue), and a polled submitter polls for one: neither is modelled.
     */
    private static void checkShared(Scenario s, Device d, ProblemList p) {
        Scheduler scheduler = s.scheduler() != null ? s.scheduler()
                : Scheduler.defaultFor(s.kernel(), s.hwQueues() + d.pollQueues());
        if (scheduler != Scheduler.NONE) p.add("device.sharedTags", true, "needs scheduler \"none\" with device.count "
                + d.count() + " (the scheduler is \"" + scheduler.label() + "\"): a driver-tag wait at dispatch on a "
                + "shared tag set (blk_mq_mark_tag_wait) is not modelled");
    }

    private static void checkJob(String at, List<Integer> devices, int count, boolean modern, ProblemList p) {
        if (devices == null) return;
        if (devices.isEmpty()) {
            p.add(at, devices, "must list at least one device (0-" + (count - 1) + "), or be \"all\"");
            return;
        }
        for (int dev : devices) {
            if (dev >= 0 && dev < count) continue;
            p.add(at, devices, modern ? "names device " + dev + ": must be 0-" + (count - 1) + " (device.count is "
                    + count + ")" : "must be [0] with kernel \"3.16\" (one device; several are modelled for Linux 7.0)");
            return;
        }
    }
}
