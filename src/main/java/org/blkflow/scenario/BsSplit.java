package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of fio's {@code bssplit}: {@code percent} of a job's bios are {@code bs} bytes. A job's
 * list of them is its block-size mix; the model draws each bio's size from it (model/BlockSizeMix).
 * Links write the list in fio's own syntax, {@code 512/10:4k/90}, which has no comma to clash with a
 * link's job items.
 */
public record BsSplit(int bs, int percent) {

    /** fio allows 64 entries per direction (BSSPLIT_MAX). */
    public static final int MAX_ENTRIES = 64;

    /** "4k/60:64k/40"; null (no mix) as the empty string. */
    static String format(List<BsSplit> split) {
        if (split == null) return "";
        List<String> parts = new ArrayList<>();
        for (BsSplit e : split) parts.add(LinkValues.formatSize(e.bs()) + "/" + e.percent());
        return String.join(":", parts);
    }

    /** The link's text back as a list; the empty string is null. Ranges and the sum are the validator's. */
    static List<BsSplit> parse(String text) {
        if (text.isEmpty()) return null;
        String[] parts = text.split(":", MAX_ENTRIES + 1);
        if (parts.length > MAX_ENTRIES) {
            throw new IllegalArgumentException("must list at most " + MAX_ENTRIES + " size/percent entries");
        }
        List<BsSplit> out = new ArrayList<>();
        for (String part : parts) {
            int slash = part.indexOf('/');
            if (slash < 0) throw new IllegalArgumentException("must be size/percent entries separated by ':', such as 4k/60:64k/40");
            out.add(new BsSplit((int) LinkValues.parseSize(part.substring(0, slash), Integer.MAX_VALUE),
                    LinkValues.parseInt(part.substring(slash + 1))));
        }
        return out;
    }
}
