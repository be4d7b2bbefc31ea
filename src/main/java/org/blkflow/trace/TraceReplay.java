package org.blkflow.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * An imported trace as transitions a session can play. Bios and requests are recognised the way
 * btt pairs events: by the sector range of what is outstanding on the same device. A, X, B and
 * message lines have no place in the model's picture and are skipped (and counted).
 */
public final class TraceReplay {

    public record Result(List<Transition> transitions, long skipped) {
    }

    private static final class Io {
        final long id;
        long sector;
        int sectors;
        final List<Long> bios = new ArrayList<>();

        Io(long id, long sector, int sectors) {
            this.id = id;
            this.sector = sector;
            this.sectors = sectors;
        }

        boolean covers(long s) {
            return s >= sector && s < sector + Math.max(1, sectors);
        }
    }

    private final int[] cpuToHctx;
    private final List<Transition> out = new ArrayList<>();
    private final Map<String, List<Io>> bios = new HashMap<>();
    private final Map<String, List<Io>> requests = new HashMap<>();
    private long nextId;
    private long skipped;

    private TraceReplay(int[] cpuToHctx) {
        this.cpuToHctx = cpuToHctx == null ? new int[0] : cpuToHctx.clone();
    }

    /** @param cpuToHctx the hctx of each CPU (from /api/mapping/sysfs); null or short means hctx 0 */
    public static Result of(List<TraceEvent> events, int[] cpuToHctx) {
        TraceReplay r = new TraceReplay(cpuToHctx);
        events.forEach(r::replay);
        return new Result(List.copyOf(r.out), r.skipped);
    }

    private void replay(TraceEvent e) {
        int cpu = e.cpu();
        int hctx = cpu < cpuToHctx.length ? cpuToHctx[cpu] : 0;
        switch (e.action()) {
            case "Q" -> emit(e, TransitionKind.QUEUE, "block_bio_queue", open(bios, e), null, Place.NONE, Place.task(cpu));
            case "G" -> emit(e, TransitionKind.GETRQ, "block_getrq", find(bios, e), open(requests, e), Place.task(cpu), Place.task(cpu));
            case "S" -> emit(e, TransitionKind.SLEEP, "block_sleeprq", find(bios, e), null, Place.task(cpu), Place.tagWait(hctx));
            case "M", "F" -> merge(e);
            case "P" -> emit(e, TransitionKind.PLUG, "block_plug", null, null, Place.task(cpu), Place.plug(cpu));
            case "U", "UT" -> emit(e, TransitionKind.UNPLUG, "block_unplug", null, null, Place.plug(cpu), Place.NONE);
            case "I" -> emit(e, TransitionKind.INSERT, "block_rq_insert", null, request(e), Place.task(cpu), Place.ctx(cpu));
            case "D" -> emit(e, TransitionKind.ISSUE, "block_rq_issue", null, request(e), Place.hctx(hctx), Place.driver(hctx));
            case "R" -> emit(e, TransitionKind.REQUEUE, "block_rq_requeue", null, request(e), Place.driver(hctx), Place.hctx(hctx));
            case "C" -> complete(e, hctx);
            default -> skipped++;
        }
    }

    private void merge(TraceEvent e) {
        boolean back = e.action().equals("M");
        Io bio = find(bios, e);
        Io rq = null;
        for (Io r : requests.getOrDefault(e.device(), List.of())) {
            if (back ? r.sector + r.sectors == e.sector() : e.sector() + e.sectors() == r.sector) rq = r;
        }
        if (rq != null) {
            if (!back) rq.sector = e.sector();
            rq.sectors += Math.max(0, e.sectors());
        }
        emit(e, back ? TransitionKind.BACKMERGE : TransitionKind.FRONTMERGE, back ? "block_bio_backmerge" : "block_bio_frontmerge",
                bio, rq, Place.task(e.cpu()), Place.MERGED);
    }

    private void complete(TraceEvent e, int hctx) {
        Io rq = request(e);
        emit(e, TransitionKind.COMPLETE, "block_rq_complete", null, rq, Place.device(hctx), Place.DONE);
        requests.getOrDefault(e.device(), new ArrayList<>()).remove(rq);
        bios.getOrDefault(e.device(), new ArrayList<>()).removeIf(b -> e.hasRange()
                && b.sector >= e.sector() && b.sector + b.sectors <= e.sector() + e.sectors());
    }

    /** The request holding the event's start sector; one is made up if the trace began mid-flight. */
    private Io request(TraceEvent e) {
        Io rq = find(requests, e);
        return rq != null ? rq : open(requests, e);
    }

    private Io open(Map<String, List<Io>> live, TraceEvent e) {
        Io io = new Io(nextId++, e.sector(), Math.max(0, e.sectors()));
        live.computeIfAbsent(e.device(), d -> new ArrayList<>()).add(io);
        return io;
    }

    /** Like btt: of two outstanding with the same start, the later one. */
    private static Io find(Map<String, List<Io>> live, TraceEvent e) {
        List<Io> list = live.getOrDefault(e.device(), List.of());
        for (int i = list.size() - 1; i >= 0; i--) {
            if (list.get(i).covers(e.sector())) return list.get(i);
        }
        return null;
    }

    private void emit(TraceEvent e, TransitionKind kind, String fn, Io bio, Io rq, Place from, Place to) {
        int hctx = e.cpu() < cpuToHctx.length ? cpuToHctx[e.cpu()] : 0;
        out.add(new Transition(out.size(), e.time(), kind, fn, e.action(), e.cpu(), e.pid(), e.name(),
                bio == null ? -1 : bio.id, rq == null ? -1 : rq.id, e.cpu(), hctx, -1,
                e.sector(), e.sectors(), e.rwbs(), from, to, e.extra()));
    }
}
