package org.blkflow.trace;

/**
 * The major,minor a trace gives a model run's device. null_blk registers a dynamic major of its own
 * (register_blkdev(0, "nullb"), a different number from machine to machine, with nullbN at minor N),
 * so no number is the true one; blkflow prints its devices as the sd driver numbers whole disks —
 * major 8, 16 minors a disk: nullb0 is 8,0 (sda, what every one-device export has always shown), nullb1
 * 8,16, nullb2 8,32, nullb3 8,48. Major 8 also keeps btt from taking a device for device-mapper (253)
 * or md (9), which it treats as remappers.
 */
public final class DeviceNumber {

    public static final int MAJOR = 8;
    /** SD_MINORS: a whole disk and its 15 partitions. */
    static final int MINORS_PER_DISK = 16;

    private DeviceNumber() {
    }

    public static int minor(int device) {
        return MINORS_PER_DISK * device;
    }

    /** "8,16": blkparse's maj,min. */
    public static String name(int device) {
        return MAJOR + "," + minor(device);
    }

    /** The kernel's dev_t as blktrace stores it: MKDEV's 12:20 split (kdev_t.h), not glibc's. */
    static int kdev(int device) {
        return MAJOR << 20 | minor(device);
    }
}
