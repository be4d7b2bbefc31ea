package org.blkflow.session;

import java.util.function.Function;
import org.blkflow.scenario.Scenario;

/**
 * What the web layer opens a {@link LiveSession} on: the real model. It is a Spring bean only so that
 * a test can swap in a source that breaks an invariant on purpose (a valid scenario never makes the
 * real model OOPS); the other source is package-private, so nothing but a test in this package can
 * build one, and no client command can reach it.
 */
public final class SessionModel {

    private final Function<Scenario, TransitionSource> start;

    public SessionModel() {
        this(ModelSource::new);
    }

    SessionModel(Function<Scenario, TransitionSource> start) {
        this.start = start;
    }

    /** The scenario must already be normalized and validated. */
    public LiveSession open(Scenario scenario) {
        return new LiveSession(scenario, start);
    }
}
