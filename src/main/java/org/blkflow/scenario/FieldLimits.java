package org.blkflow.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range and choices of each scenario field the editor offers, keyed by its path as error messages
 * name it (a job's fields as "jobs.bs"), taken from {@link ScenarioFields} so the page takes its input
 * limits from the validators instead of repeating them.
 */
public final class FieldLimits {

    /** blk_queue_max_hw_sectors caps a queue at 1024 sectors; 8 is one 4 KiB page. */
    public static final int MIN_MAX_SECTORS = 8;
    public static final int MAX_MAX_SECTORS = 1024;
    public static final int MAX_MAX_SEGMENTS = 1024;
    /** Threads per core: SMT8 is the most any machine of the model's era had (POWER8). */
    public static final int MAX_SMT = 8;

    private FieldLimits() {
    }

    /** path → the labels a choice field takes, in the order the editor offers them. */
    public static Map<String, List<String>> choices() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (ScenarioField<?, ?> f : ScenarioFields.all()) {
            if (f.type() == ScenarioField.Type.CHOICE) m.put(f.path(), f.choices());
        }
        return m;
    }

    /** path → {min, max}. */
    public static Map<String, long[]> all() {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (ScenarioField<?, ?> f : ScenarioFields.all()) {
            if (f.limits() != null) m.put(f.path(), f.limits());
        }
        return m;
    }
}
