package org.blkflow.session;

import java.util.List;
import java.util.SplittableRandom;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.InvariantViolation;
import org.blkflow.transition.Place;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;

/**
 * A seeded stream of pseudo-random transitions that breaks an invariant at a chosen step: a valid
 * scenario cannot make the real model OOPS, and the session's handling of one still needs a test.
 */
final class FakeSource implements TransitionSource {

    private final SplittableRandom random;
    private final long length;
    private final long oopsAt;
    private long steps;
    private long now;

    FakeSource(Scenario scenario, long oopsAt) {
        this.random = new SplittableRandom(scenario.seed());
        this.length = scenario.jobs().stream().mapToLong(j -> (long) j.ios() * scenario.cpus()).sum();
        this.oopsAt = oopsAt;
    }

    @Override
    public Transition next() {
        if (steps == length) {
            return null;
        }
        TransitionKind kind = TransitionKind.values()[random.nextInt(TransitionKind.values().length)];
        now += random.nextInt(1, 1000);
        Transition t = new Transition(steps, now, kind, "fake_" + kind.label(), kind.action(), 0, 1000, "fio",
                random.nextInt(100), random.nextInt(20), 0, 0, -1, random.nextLong(1 << 20), 8, "R",
                Place.NONE, Place.task(0), -1);
        if (steps == oopsAt) {
            throw new InvariantViolation("fake", "broken on purpose", t, "state");
        }
        steps++;
        return t;
    }

    @Override public boolean finished() { return steps == length; }
    @Override public long steps() { return steps; }
    @Override public long now() { return now; }
    @Override public int[] cpuToHctx() { return new int[] {0}; }
    @Override public Snapshot snapshot() { return new Snapshot(steps, now, List.of(), List.of()); }
}
