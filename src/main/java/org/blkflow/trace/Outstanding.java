package org.blkflow.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The bios or requests of a replay not yet ended, per device and by start sector, so that pairing an
 * event with what it refers to stays logarithmic on a trace of millions of events even when many
 * never complete (they started or ended outside the trace).
 */
final class Outstanding {

    private final Map<String, NavigableMap<Long, List<ReplayIo>>> byDevice = new HashMap<>();
    private final Map<String, Integer> longest = new HashMap<>();

    void add(ReplayIo io) {
        byDevice.computeIfAbsent(io.device, d -> new TreeMap<>()).computeIfAbsent(io.sector, s -> new ArrayList<>()).add(io);
        longest.merge(io.device, io.sectors, Math::max);
    }

    void remove(ReplayIo io) {
        NavigableMap<Long, List<ReplayIo>> starts = byDevice.get(io.device);
        List<ReplayIo> at = starts == null ? null : starts.get(io.sector);
        if (at != null && at.remove(io) && at.isEmpty()) {
            starts.remove(io.sector);
        }
    }

    /** Call around a change of an item's start sector or length, which is its key. */
    void resize(ReplayIo io, long sector, int sectors) {
        remove(io);
        io.sector = sector;
        io.sectors = sectors;
        add(io);
    }

    /**
     * Like btt: of those covering {@code sector} that pass {@code test}, one starting exactly there if
     * any, else the latest; null if none.
     */
    ReplayIo find(String device, long sector, Predicate<ReplayIo> test) {
        NavigableMap<Long, List<ReplayIo>> starts = byDevice.get(device);
        if (starts == null) return null;
        ReplayIo exact = latest(starts.get(sector), sector, test);
        if (exact != null) return exact;
        ReplayIo best = null;
        long reach = longest.getOrDefault(device, 0);
        for (List<ReplayIo> at : starts.headMap(sector, false).descendingMap().values()) {
            if (at.get(0).sector + reach <= sector) break;
            ReplayIo io = latest(at, sector, test);
            if (io != null && (best == null || io.id > best.id)) best = io;
        }
        return best;
    }

    /** Those starting in [from, to) that pass {@code test}, in sector order. */
    List<ReplayIo> startingIn(String device, long from, long to, Predicate<ReplayIo> test) {
        List<ReplayIo> out = new ArrayList<>();
        NavigableMap<Long, List<ReplayIo>> starts = byDevice.get(device);
        if (starts == null || to <= from) return out;
        starts.subMap(from, true, to, false).values().forEach(at -> at.stream().filter(test).forEach(out::add));
        return out;
    }

    /** The latest request ending exactly at {@code end} (a back merge) that passes {@code test}. */
    ReplayIo endingAt(String device, long end, Predicate<ReplayIo> test) {
        return find(device, end - 1, io -> io.end() == end && test.test(io));
    }

    private static ReplayIo latest(List<ReplayIo> at, long sector, Predicate<ReplayIo> test) {
        if (at == null) return null;
        for (int i = at.size() - 1; i >= 0; i--) {
            ReplayIo io = at.get(i);
            if (io.covers(sector) && test.test(io)) return io;
        }
        return null;
    }
}
