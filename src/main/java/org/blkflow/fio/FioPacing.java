package org.blkflow.fio;

import static org.blkflow.scenario.ScenarioFields.RATE_IOPS;
import static org.blkflow.scenario.ScenarioFields.THINKTIME;
import static org.blkflow.scenario.ScenarioFields.THINKTIME_BLOCKS;

import java.util.Locale;
import java.util.Map;
import org.blkflow.input.BoundedNumber;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.JobValidator;

/**
 * fio's pacing of one job's tasks: {@code rate_iops} (reads,writes; one cap here) and
 * {@code thinktime} (µs, or with a us/ms/s suffix) after every {@code thinktime_blocks} I/Os.
 */
final class FioPacing {

    private final FioOption read;
    private final Map<String, String> options;

    FioPacing(FioOption read, Map<String, String> options) {
        this.read = read;
        this.options = options;
    }

    void apply(JobDraft d) {
        String rate = options.get("rate_iops");
        if (rate != null) {
            String[] dirs = rate.split(",", -1);
            d.set(RATE_IOPS, (int) iops(dirs[0].isBlank() && dirs.length > 1 ? dirs[1] : dirs[0]));
            if (dirs.length > 1 && !dirs[1].isBlank() && !dirs[1].strip().equals(dirs[0].strip())) {
                read.ignore("rate_iops", "separate read and write rates '" + rate + "': blkflow caps all of a task's bios at "
                        + d.get(RATE_IOPS) + " a second");
            }
        }
        if (options.containsKey("thinktime")) d.set(THINKTIME, (int) micros(options.get("thinktime")));
        if (options.containsKey("thinktime_blocks")) {
            d.set(THINKTIME_BLOCKS, (int) read.number("thinktime_blocks", 1, 1, JobValidator.MAX_IOS));
            if (d.get(THINKTIME_BLOCKS) > 1 && !options.containsKey("thinktime_blocks_type")) {
                read.ignore("thinktime_blocks", "counted as bios issued (fio's thinktime_blocks_type=issue); fio's default "
                        + "counts completions, which for a burst that then drains comes to the same");
            }
        }
    }

    private long iops(String text) {
        return read.checked("rate_iops", text, () -> FioSize.parse("rate_iops", text, 1000, 0, JobValidator.MAX_RATE_IOPS));
    }

    /** fio's time options default to µs; us, ms and s scale them. */
    private long micros(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        String digits = v;
        for (String[] suffix : new String[][] {{"usec", "1"}, {"us", "1"}, {"msec", "1000"}, {"ms", "1000"},
                {"sec", "1000000"}, {"s", "1000000"}}) {
            if (v.endsWith(suffix[0])) {
                digits = v.substring(0, v.length() - suffix[0].length()).strip();
                unit = Long.parseLong(suffix[1]);
                break;
            }
        }
        String d = digits;
        long u = unit;
        return read.checked("thinktime", text,
                () -> BoundedNumber.parseScaled("thinktime", d, u, 0, JobValidator.MAX_THINKTIME_US));
    }
}
