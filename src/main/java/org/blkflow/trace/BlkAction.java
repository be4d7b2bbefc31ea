package org.blkflow.trace;

import org.blkflow.transition.Transition;

/**
 * The action word of a {@code struct blk_io_trace}: category bits in the upper half, the
 * {@code __BLK_TA_*} code in the lower (include/uapi/linux/blktrace_api.h, trace version 7).
 */
public final class BlkAction {

    public static final int TC_READ = 0x1;
    public static final int TC_WRITE = 0x2;
    public static final int TC_FLUSH = 0x4;
    public static final int TC_SYNC = 0x8;
    public static final int TC_QUEUE = 0x10;
    public static final int TC_REQUEUE = 0x20;
    public static final int TC_ISSUE = 0x40;
    public static final int TC_COMPLETE = 0x80;
    public static final int TC_FS = 0x100;
    public static final int TC_NOTIFY = 0x400;
    public static final int TC_AHEAD = 0x800;
    public static final int TC_META = 0x1000;
    public static final int TC_DISCARD = 0x2000;
    public static final int TC_FUA = 0x8000;

    /** __BLK_TA_* codes, indexed by code; the letter blkparse prints. */
    private static final String[] LETTERS = {null, "Q", "M", "F", "G", "S", "R", "D", "C", "P", "U", "UT", "I", "X", "B", "A"};

    public static final int NOTIFY_PROCESS = TC_NOTIFY << 16;

    private BlkAction() {
    }

    /** The __BLK_TA_* code of a blkparse letter, or 0 if it has none. */
    public static int code(String letter) {
        for (int c = 1; c < LETTERS.length; c++) {
            if (LETTERS[c].equals(letter)) return c;
        }
        return 0;
    }

    public static String letter(int action) {
        int code = action & 0xffff;
        return code < LETTERS.length ? LETTERS[code] : null;
    }

    /**
     * The action word the kernel would log for a transition: the code's built-in category, the
     * direction (READ for non-writes, plugs and unplugs), SYNC, and FS for request-level events.
     */
    public static int of(Transition t) {
        String letter = t.action();
        int code = code(letter);
        int categories = builtInCategory(code);
        String rwbs = t.rwbs() == null ? "" : t.rwbs();
        boolean queueEvent = code == 9 || code == 10 || code == 11;
        categories |= !queueEvent && rwbs.contains("W") ? TC_WRITE : TC_READ;
        if (!queueEvent && rwbs.indexOf('S') > 0) categories |= TC_SYNC;
        if (code == 6 || code == 7 || code == 8 || code == 12) categories |= TC_FS;
        return categories << 16 | code;
    }

    private static int builtInCategory(int code) {
        return switch (code) {
            case 6 -> TC_REQUEUE;
            case 7 -> TC_ISSUE;
            case 8 -> TC_COMPLETE;
            case 13, 14 -> 0;
            default -> TC_QUEUE;
        };
    }

    /** blkparse's fill_rwbs(): the RWBS column for an action word and byte count. */
    public static String rwbs(int action, int bytes) {
        int tc = action >>> 16;
        StringBuilder s = new StringBuilder(5);
        if ((tc & TC_FLUSH) != 0) s.append('F');
        if ((tc & TC_DISCARD) != 0) s.append('D');
        else if ((tc & TC_WRITE) != 0) s.append('W');
        else if (bytes != 0) s.append('R');
        else s.append('N');
        if ((tc & TC_FUA) != 0) s.append('F');
        if ((tc & TC_AHEAD) != 0) s.append('A');
        if ((tc & TC_SYNC) != 0) s.append('S');
        if ((tc & TC_META) != 0) s.append('M');
        return s.toString();
    }

    public static boolean isWrite(int action) {
        return ((action >>> 16) & TC_WRITE) != 0;
    }
}
