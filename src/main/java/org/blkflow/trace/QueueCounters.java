package org.blkflow.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.transition.PlaceKind;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * Counter tracks read off the transitions: per hardware queue, the tags in use (a request holds one
 * from the first transition that names its tag to its free, as the page's tag chart counts) and the
 * length of its dispatch list (requests whose place is hctx:N); for the device, the bios in flight
 * (Q, or X for a split-off piece, to bio_end) and IOPS over the last {@link #WINDOW} bio_ends. Each is written when it changes.
 * With several 7.0 devices each device has its own: its hctxs' and its "device" counter in its process.
 */
final class QueueCounters {

    static final int HCTX_PID = 3;
    static final int DEVICE_PID = 5;
    static final int WINDOW = 64;

    private final TraceEventWriter out;
    private final DeviceGroups devices;
    /** Each hctx's device as the stream names it (-1: one device). */
    private final Map<Integer, Integer> deviceOfHctx = new HashMap<>();
    /** Each device's bios in flight and IOPS (index 0 for a run of one). */
    private final Map<Integer, Flight> flights = new HashMap<>();
    private final Map<Long, Integer> tagHctx = new HashMap<>();
    private final Map<Long, Integer> dispatchHctx = new HashMap<>();
    private int[] tags = new int[4];
    private int[] dispatch = new int[4];

    /** One device's bios in flight and its last {@link #WINDOW} bio_ends. */
    private static final class Flight {
        final long[] ends = new long[WINDOW];
        long ended;
        long inFlight;
        double iops;
    }

    QueueCounters(TraceEventWriter out, DeviceGroups devices) {
        this.out = out;
        this.devices = devices;
    }

    void on(Transition t) {
        switch (t.kind()) {
            // 7.0's X: the split-off piece is one more bio in flight, ended by its own bio_end.
            case QUEUE, SPLIT -> device(t, 1);
            case BIO_END -> {
                Flight f = flight(t);
                f.ends[(int) (f.ended++ % WINDOW)] = t.t();
                device(t, -1);
            }
            case BACKMERGE, FRONTMERGE -> { }
            default -> {
                if (t.req() >= 0) request(t);
            }
        }
    }

    private void request(Transition t) {
        if (t.hctx() >= 0) deviceOfHctx.putIfAbsent(t.hctx(), t.dev());
        long req = t.req();
        boolean free = t.kind() == TransitionKind.FREE;
        int[] changed = {-1, -1, -1};
        if (free) {
            Integer h = tagHctx.remove(req);
            if (h != null) {
                tags[h]--;
                changed[0] = h;
            }
        } else if (t.tag() >= 0 && t.hctx() >= 0 && !tagHctx.containsKey(req)) {
            grow(t.hctx());
            tagHctx.put(req, t.hctx());
            tags[t.hctx()]++;
            changed[0] = t.hctx();
        }
        int was = dispatchHctx.getOrDefault(req, -1);
        int now = !free && t.to().kind() == PlaceKind.HCTX ? t.to().index() : -1;
        if (was != now) {
            if (was >= 0) {
                dispatch[was]--;
                dispatchHctx.remove(req);
                changed[1] = was;
            }
            if (now >= 0) {
                grow(now);
                dispatch[now]++;
                dispatchHctx.put(req, now);
                changed[2] = now;
            }
        }
        for (int i = 0; i < changed.length; i++) {
            int h = changed[i];
            if (h >= 0 && (i == 0 || h != changed[0]) && (i < 2 || h != changed[1])) hctx(h, t.t());
        }
    }

    private void hctx(int h, long at) {
        int pid = devices.pid(HCTX_PID, deviceOfHctx.getOrDefault(h, -1));
        out.start('C', "hctx " + h, pid, 1).ts(at).args()
                .arg("tags in use", tags[h]).arg("dispatch list", dispatch[h]).done();
    }

    private void device(Transition t, int delta) {
        Flight f = flight(t);
        f.inFlight += delta;
        if (delta < 0 && f.ended >= 2) {
            int n = (int) Math.min(f.ended, WINDOW);
            long oldest = f.ends[(int) ((f.ended - n) % WINDOW)];
            long span = t.t() - oldest;
            if (span > 0) f.iops = (n - 1) * 1e9 / span;
        }
        int pid = devices.pid(DEVICE_PID, t.dev());
        out.start('C', "device", pid, 1).ts(t.t()).args()
                .arg("bios in flight", f.inFlight).arg("IOPS", Math.round(f.iops)).done();
    }

    private Flight flight(Transition t) {
        return flights.computeIfAbsent(Math.max(0, t.dev()), d -> new Flight());
    }

    private void grow(int h) {
        if (h >= tags.length) {
            int n = Math.max(h + 1, tags.length * 2);
            tags = Arrays.copyOf(tags, n);
            dispatch = Arrays.copyOf(dispatch, n);
        }
    }
}
