package org.blkflow.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.transition.Place;
import org.blkflow.transition.SnapshotTracker;
import org.blkflow.transition.Transition;

/**
 * An async track per request, from its first bio's Q to its C, with a nested slice for each place it
 * waits in (task:N, tagwait:N, plug:N, ctx:N, elv:0, dispatch:0, hctx:N, driver:N, device:N), named
 * as the transitions name places. A bio-based driver has no requests: there each bio is the unit,
 * from Q to bio_end. Flows: a merged bio's M or F step points at its request's D; a requeued request
 * gets one flow from its first R through every later D and R ({@code t}) to its C.
 *
 * <p>Places are read from the transitions alone, by the one tracker's rule of which item a transition
 * moves ({@link SnapshotTracker#movesRequest}): the request it names, except a bio's own moves. The
 * tracker keeps where each item is; this class keeps what a track needs beyond that, each stage's
 * start and the flows. Only live bios and requests are remembered.
 */
final class RequestTracks {

    static final int PID = 4;
    static final String MERGE = "merge";
    static final String REQUEUE = "requeue";

    private record Stage(String place, long since) {
    }

    /** A bio before it is a request's (or, bio-based, its own unit's): where it has been since Q. */
    private static final class Bio {
        final long queuedAt;
        final List<Stage> stages = new ArrayList<>(2);

        Bio(long queuedAt) {
            this.queuedAt = queuedAt;
        }
    }

    /** An open async track: a request, or a bio on a bio-based driver. */
    private static final class Unit {
        final long id;
        final String name;
        final String cat;
        /** Its device's process with several devices, else {@link #PID}. */
        final int pid;
        String stage;
        boolean requeued;
        boolean closed;
        final List<Long> merged = new ArrayList<>(0);

        Unit(long id, String name, String cat, int pid) {
            this.id = id;
            this.name = name;
            this.cat = cat;
            this.pid = pid;
        }
    }

    private final TraceEventWriter out;
    private final CpuSlices cpus;
    private final DeviceGroups devices;
    private final Map<Long, Bio> bios = new HashMap<>();
    private final Map<Long, Unit> requests = new HashMap<>();
    private final Map<Long, Unit> bioUnits = new HashMap<>();

    RequestTracks(TraceEventWriter out, CpuSlices cpus, DeviceGroups devices) {
        this.out = out;
        this.cpus = cpus;
        this.devices = devices;
    }

    void on(Transition t) {
        switch (t.kind()) {
            case QUEUE -> queue(t);
            case BACKMERGE, FRONTMERGE -> merge(t);
            case BIO_END -> bioEnd(t);
            default -> {
                if (SnapshotTracker.movesRequest(t)) request(t);
                else if (t.bio() >= 0) bio(t);
            }
        }
    }

    /** Ends whatever a run stopped short of ending, so every b has its e. */
    void finish(long now) {
        for (Unit u : requests.values()) close(u, now);
        for (Unit u : bioUnits.values()) close(u, now);
        requests.clear();
        bioUnits.clear();
    }

    private void queue(Transition t) {
        Bio bio = new Bio(t.t());
        bio.stages.add(new Stage(t.to().toString(), t.t()));
        bios.put(t.bio(), bio);
    }

    private void merge(Transition t) {
        bios.remove(t.bio());
        Unit rq = requests.get(t.req());
        if (rq == null || rq.closed) return;
        cpus.flow(t.cpu(), 's', MERGE, t.bio());
        rq.merged.add(t.bio());
    }

    private void bioEnd(Transition t) {
        bios.remove(t.bio());
        Unit unit = bioUnits.remove(t.bio());
        if (unit != null) close(unit, t.t());
    }

    /** A bio-level move before the bio has a request: S to a tag wait queue, a bio-based driver's take. */
    private void bio(Transition t) {
        Bio bio = bios.get(t.bio());
        if (bio == null) return;
        if (t.kind() == org.blkflow.transition.TransitionKind.MAKE_REQUEST) {
            bios.remove(t.bio());
            Unit unit = open(2 * t.bio() + 1, "bio " + t.bio(), "bio", bio, t);
            bioUnits.put(t.bio(), unit);
            move(unit, t);
            return;
        }
        String to = placeName(t.to());
        if (to != null && !to.equals(bio.stages.get(bio.stages.size() - 1).place())) {
            bio.stages.add(new Stage(to, t.t()));
        }
    }

    private void request(Transition t) {
        Unit rq = requests.get(t.req());
        if (rq == null) {
            if (t.kind() == org.blkflow.transition.TransitionKind.FREE) return;
            Bio bio = t.bio() >= 0 ? bios.remove(t.bio()) : null;
            rq = open(2 * t.req(), "rq " + t.req(), "request", bio, t);
            requests.put(t.req(), rq);
        }
        switch (t.kind()) {
            case ISSUE -> {
                for (long b : rq.merged) cpus.flow(t.cpu(), 'f', MERGE, b);
                rq.merged.clear();
                if (rq.requeued) cpus.flow(t.cpu(), 't', REQUEUE, t.req());
                move(rq, t);
            }
            case REQUEUE -> {
                cpus.flow(t.cpu(), rq.requeued ? 't' : 's', REQUEUE, t.req());
                rq.requeued = true;
                move(rq, t);
            }
            case COMPLETE -> {
                endFlows(rq, t);
                close(rq, t.t(), t);
            }
            case FREE -> {
                endFlows(rq, t);
                close(rq, t.t());
                requests.remove(t.req());
            }
            default -> move(rq, t);
        }
    }

    private Unit open(long id, String name, String cat, Bio bio, Transition t) {
        Unit u = new Unit(id, name, cat, devices.pid(PID, t.dev()));
        long start = bio == null ? t.t() : bio.queuedAt;
        out.start('b', name, u.pid, 0).field("cat", cat).field("id", id).ts(start).args()
                .arg("rwbs", t.rwbs()).arg("sector", t.sector()).arg("sectors", t.sectors())
                .arg("cpu", t.ctx()).arg("hctx", t.hctx()).arg("tag", t.tag()).arg("comm", t.comm()).done();
        if (bio != null) {
            for (int i = 0; i < bio.stages.size(); i++) {
                Stage s = bio.stages.get(i);
                if (i > 0) end(u, u.stage, s.since());
                begin(u, s.place(), s.since());
            }
        }
        return u;
    }

    private void move(Unit u, Transition t) {
        String to = placeName(t.to());
        if (to == null || to.equals(u.stage) || u.closed) return;
        if (u.stage != null) end(u, u.stage, t.t());
        begin(u, to, t.t());
    }

    private void endFlows(Unit rq, Transition t) {
        for (long b : rq.merged) cpus.flow(t.cpu(), 'f', MERGE, b);
        rq.merged.clear();
        if (rq.requeued && !rq.closed) cpus.flow(t.cpu(), 'f', REQUEUE, t.req());
        rq.requeued = false;
    }

    private void close(Unit u, long at) {
        close(u, at, null);
    }

    /** At C the request's final range goes into the end event, so the slice shows what completed. */
    private void close(Unit u, long at, Transition complete) {
        if (u.closed) return;
        u.closed = true;
        if (u.stage != null) end(u, u.stage, at);
        out.start('e', u.name, u.pid, 0).field("cat", u.cat).field("id", u.id).ts(at);
        if (complete != null) out.args().arg("sector", complete.sector()).arg("sectors", complete.sectors());
        out.done();
    }

    private void begin(Unit u, String place, long at) {
        out.start('b', place, u.pid, 0).field("cat", u.cat).field("id", u.id).ts(at).done();
        u.stage = place;
    }

    private void end(Unit u, String place, long at) {
        out.start('e', place, u.pid, 0).field("cat", u.cat).field("id", u.id).ts(at).done();
        u.stage = null;
    }

    /** A place a bio or request waits in; null for none, done and merged, which end or hand over. */
    private static String placeName(Place p) {
        return p.index() < 0 ? null : p.toString();
    }
}
