package org.blkflow.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.blkflow.transition.Place;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * An imported trace as transitions a session can play, in the model's vocabulary. Every event that
 * can be placed becomes one transition moving a bio or request from the place it is in to the next,
 * so whoever follows only {@code from} and {@code to} can draw any step. Bios and requests are paired
 * as btt pairs them: by sector among what is outstanding on the same device.
 *
 * <p>blktrace logs no bio_endio and no request free, but the kernel does both right after C; the
 * replay adds them as {@code bio_end} and {@code free} transitions with no action letter, so
 * statistics can pair each bio's Q with its completion and the picture empties. Skipped and counted:
 * A, X, B and message lines, which have no place in the picture, and S, M, F, R and C events that
 * refer to nothing outstanding (the trace began mid-flight, or a bio-level C came after its
 * request's). An I or D for an unknown request starts one there. Nothing throws and nothing is
 * checked against the model's invariants: the events are the kernel's, not the model's.
 *
 * <p>A trace of several devices is replayed with each: every transition names its event's device
 * ({@code dev}, the device's index in the trace's list, in order of first appearance), as a model run of
 * several devices does; a trace of one device names none, as a one-device run does.
 *
 * <p>A replay reads its events as it is asked for transitions, so it holds only what is outstanding,
 * never the transitions of a whole trace of millions of events; starting again is a new replay.
 */
public final class TraceReplay {

    /**
     * @param skipped    events that became no transition
     * @param queueDepth the most requests any hardware queue held at once (allocated, not yet freed)
     */
    public record Result(List<Transition> transitions, long skipped, int queueDepth) {
    }

    private final List<TraceEvent> events;
    /** The trace's devices' majors and minors, by index; empty when it has one. */
    private final int[] majors;
    private final int[] minors;
    private final int[] cpuToHctx;
    private final ArrayDeque<Transition> out = new ArrayDeque<>();
    private final Outstanding bios = new Outstanding();
    private final Outstanding requests = new Outstanding();
    private final int[] allocated;
    private int queueDepth = 1;
    private int read;
    private long emitted;
    private long nextId;
    private long skipped;

    /** A replay that names no device (as for a trace of one). */
    public TraceReplay(List<TraceEvent> events, int[] cpuToHctx) {
        this(events, List.of(), cpuToHctx);
    }

    /**
     * @param devices   the trace's devices ("maj,min", {@link ImportedTrace#devices()}); with more than one,
     *                  each transition names its own
     * @param cpuToHctx the hctx of each CPU (from /api/mapping/sysfs); null, or a CPU beyond it, means hctx 0
     */
    public TraceReplay(List<TraceEvent> events, List<String> devices, int[] cpuToHctx) {
        this.events = events;
        List<String> named = devices.size() < 2 ? List.of() : devices;
        this.majors = named.stream().mapToInt(d -> Integer.parseInt(d.substring(0, d.indexOf(',')))).toArray();
        this.minors = named.stream().mapToInt(d -> Integer.parseInt(d.substring(d.indexOf(',') + 1))).toArray();
        this.cpuToHctx = cpuToHctx == null ? new int[0] : cpuToHctx.clone();
        int queues = 1;
        for (int h : this.cpuToHctx) queues = Math.max(queues, h + 1);
        this.allocated = new int[queues];
    }

    /** The whole replay at once. */
    public static Result of(List<TraceEvent> events, int[] cpuToHctx) {
        return of(events, List.of(), cpuToHctx);
    }

    /** The whole replay at once, each transition on its own device when the trace has several. */
    public static Result of(List<TraceEvent> events, List<String> devices, int[] cpuToHctx) {
        TraceReplay r = new TraceReplay(events, devices, cpuToHctx);
        List<Transition> all = new ArrayList<>();
        for (Transition t = r.next(); t != null; t = r.next()) {
            all.add(t);
        }
        return new Result(List.copyOf(all), r.skipped, r.queueDepth);
    }

    /** The next transition, or null once every event has been read. */
    public Transition next() {
        while (out.isEmpty() && read < events.size()) {
            replay(events.get(read++));
        }
        return out.poll();
    }

    /** Events read so far that became no transition. */
    public long skipped() {
        return skipped;
    }

    /** The most requests one hardware queue has held at once so far (at least 1). */
    public int queueDepth() {
        return queueDepth;
    }

    private void replay(TraceEvent e) {
        boolean placed = switch (e.action()) {
            case "Q" -> queue(e);
            case "G" -> getrq(e);
            case "S" -> sleep(e);
            case "P" -> emit(e, TransitionKind.PLUG, "block_plug", null, null, Place.NONE, Place.NONE);
            case "U", "UT" -> emit(e, TransitionKind.UNPLUG, "block_unplug", null, null, Place.NONE, Place.NONE);
            case "M" -> merge(e, requests.endingAt(e.device(), e.sector(), rq -> !rq.issued()), true);
            case "F" -> merge(e, requests.find(e.device(), e.sector() + e.sectors(),
                    rq -> rq.sector == e.sector() + e.sectors() && !rq.issued()), false);
            case "I" -> move(e, TransitionKind.INSERT, "block_rq_insert", startedOrNew(e), rq -> Place.ctx(rq.cpu));
            case "D" -> issue(e);
            case "R" -> move(e, TransitionKind.REQUEUE, "block_rq_requeue", issued(e), rq -> Place.hctx(rq.hctx));
            case "C" -> complete(e);
            default -> false;
        };
        if (!placed) skipped++;
    }

    private boolean queue(TraceEvent e) {
        ReplayIo bio = new ReplayIo(nextId++, e, hctxOf(e.cpu()), Place.task(e.cpu()));
        bios.add(bio);
        return emit(e, TransitionKind.QUEUE, "block_bio_queue", bio, null, Place.NONE, bio.place);
    }

    /** The request is allocated for the bio at its sector, if the trace queued one (3.16: G before the tag). */
    private boolean getrq(TraceEvent e) {
        ReplayIo rq = new ReplayIo(nextId++, e, hctxOf(e.cpu()), Place.task(e.cpu()));
        requests.add(rq);
        allocated[rq.hctx]++;
        queueDepth = Math.max(queueDepth, allocated[rq.hctx]);
        ReplayIo bio = bios.find(e.device(), e.sector(), ReplayIo::alone);
        Place from = bio == null ? Place.NONE : bio.place;
        if (bio != null) join(bio, rq);
        return emit(e, TransitionKind.GETRQ, "block_getrq", bio, rq, from, rq.place);
    }

    private boolean sleep(TraceEvent e) {
        ReplayIo bio = bios.find(e.device(), e.sector(), b -> true);
        if (bio == null) return false;
        Place from = bio.place;
        bio.place = Place.tagWait(hctxOf(e.cpu()));
        return emit(e, TransitionKind.SLEEP, "block_sleeprq", bio, null, from, bio.place);
    }

    private boolean merge(TraceEvent e, ReplayIo rq, boolean back) {
        if (rq == null) return false;
        ReplayIo bio = bios.find(e.device(), e.sector(), b -> b.alone() && b.sector == e.sector());
        Place from = bio == null ? Place.task(e.cpu()) : bio.place;
        requests.resize(rq, back ? rq.sector : e.sector(), rq.sectors + Math.max(0, e.sectors()));
        if (bio != null) join(bio, rq);
        return emit(e, back ? TransitionKind.BACKMERGE : TransitionKind.FRONTMERGE,
                back ? "block_bio_backmerge" : "block_bio_frontmerge", bio, rq, from, Place.MERGED);
    }

    /** D carries the request's size at issue, which later C and R events are matched against. */
    private boolean issue(TraceEvent e) {
        ReplayIo rq = startedOrNew(e);
        if (e.hasRange() && (rq.sector != e.sector() || rq.sectors != e.sectors())) {
            requests.resize(rq, e.sector(), e.sectors());
        }
        return move(e, TransitionKind.ISSUE, "block_rq_issue", rq, r -> Place.device(r.hctx));
    }

    private boolean complete(TraceEvent e) {
        ReplayIo rq = issued(e);
        if (rq == null) return false;
        move(e, TransitionKind.COMPLETE, "block_rq_complete", rq, r -> Place.DONE);
        List<ReplayIo> ended = new ArrayList<>(rq.bios);
        long end = e.hasRange() ? e.sector() + e.sectors() : rq.end();
        ended.addAll(bios.startingIn(rq.device, rq.sector, end, b -> b.alone() && b.end() <= end));
        for (ReplayIo bio : ended) {
            bios.remove(bio);
            implied(e, TransitionKind.BIO_END, "bio_endio", bio, rq, bio.place, Place.DONE);
        }
        requests.remove(rq);
        allocated[rq.hctx]--;
        return implied(e, TransitionKind.FREE, "blk_mq_free_request", null, rq, Place.DONE, Place.NONE);
    }

    private boolean move(TraceEvent e, TransitionKind kind, String fn, ReplayIo rq,
                         Function<ReplayIo, Place> to) {
        if (rq == null) return false;
        Place from = rq.place;
        rq.place = to.apply(rq);
        return emit(e, kind, fn, null, rq, from, rq.place);
    }

    /** An unissued request at the event's sector, or one started here if the trace missed its G. */
    private ReplayIo startedOrNew(TraceEvent e) {
        ReplayIo rq = requests.find(e.device(), e.sector(), r -> !r.issued());
        if (rq != null) return rq;
        rq = new ReplayIo(nextId++, e, hctxOf(e.cpu()), Place.NONE);
        requests.add(rq);
        allocated[rq.hctx]++;
        queueDepth = Math.max(queueDepth, allocated[rq.hctx]);
        return rq;
    }

    private ReplayIo issued(TraceEvent e) {
        return e.sector() < 0 ? null : requests.find(e.device(), e.sector(), ReplayIo::issued);
    }

    private static void join(ReplayIo bio, ReplayIo rq) {
        bio.request = rq;
        rq.bios.add(bio);
    }

    private int hctxOf(int cpu) {
        return cpu >= 0 && cpu < cpuToHctx.length ? Math.max(0, cpuToHctx[cpu]) : 0;
    }

    private boolean emit(TraceEvent e, TransitionKind kind, String fn, ReplayIo bio, ReplayIo rq, Place from, Place to) {
        return add(e, kind, fn, e.action(), bio, rq, from, to);
    }

    /** A move the kernel makes without a trace event of its own. */
    private boolean implied(TraceEvent e, TransitionKind kind, String fn, ReplayIo bio, ReplayIo rq, Place from, Place to) {
        return add(e, kind, fn, null, bio, rq, from, to);
    }

    private boolean add(TraceEvent e, TransitionKind kind, String fn, String action, ReplayIo bio, ReplayIo rq,
                        Place from, Place to) {
        ReplayIo subject = rq != null ? rq : bio;
        out.add(new Transition(emitted++, e.time(), kind, fn, action, e.cpu(), e.pid(), e.name(),
                bio == null ? -1 : bio.id, rq == null ? -1 : rq.id, subject == null ? e.cpu() : subject.cpu,
                subject == null ? hctxOf(e.cpu()) : subject.hctx, -1,
                e.sector(), e.sectors(), e.rwbs(), from, to, e.extra(), null, dev(e)));
        return true;
    }

    /** The event's device's index in the trace's list; -1 for a trace of one device. */
    private int dev(TraceEvent e) {
        for (int d = 0; d < majors.length; d++) if (majors[d] == e.major() && minors[d] == e.minor()) return d;
        return -1;
    }
}
