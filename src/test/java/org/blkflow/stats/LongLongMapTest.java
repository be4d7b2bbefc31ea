package org.blkflow.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The primitive map against java.util.HashMap over seeded random puts, gets and removes. */
class LongLongMapTest {

    @Test
    void agreesWithHashMapOverRandomOperations() {
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            LongLongMap map = new LongLongMap();
            Map<Long, Long> reference = new HashMap<>();
            int keySpace = 1 + r.nextInt(5000);
            for (int op = 0; op < 20_000; op++) {
                long key = r.nextInt(keySpace);
                switch (r.nextInt(3)) {
                    case 0 -> {
                        long value = r.nextLong(1_000_000);
                        map.put(key, value);
                        reference.put(key, value);
                    }
                    case 1 -> assertEquals(reference.getOrDefault(key, LongLongMap.MISSING), map.get(key));
                    default -> {
                        Long expected = reference.remove(key);
                        assertEquals(expected == null ? LongLongMap.MISSING : expected, map.remove(key),
                                "seed " + seed + " op " + op);
                    }
                }
                assertEquals(reference.size(), map.size());
            }
            for (Map.Entry<Long, Long> e : reference.entrySet()) assertEquals(e.getValue(), map.get(e.getKey()));
        }
    }
}
