package org.blkflow.session;

/** The model seam for tests outside this package: a {@link SessionModel} that OOPSes at a chosen step. */
public final class BrokenModel {

    private BrokenModel() {
    }

    public static SessionModel oopsAt(long step) {
        return new SessionModel(scenario -> new FakeSource(scenario, step));
    }
}
