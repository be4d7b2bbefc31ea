package org.blkflow.scenario;

import java.util.Arrays;

/** A cost table being read entry by entry; starts at {@link Costs#DEFAULT}. */
public final class CostsDraft {

    private final long[] ns = new long[CostField.values().length];

    public CostsDraft() {
        this(Costs.DEFAULT);
    }

    public CostsDraft(Costs start) {
        for (CostField f : CostField.values()) {
            ns[f.ordinal()] = f.of(start);
        }
    }

    public void set(CostField field, long value) {
        ns[field.ordinal()] = value;
    }

    public Costs build() {
        long[] v = Arrays.copyOf(ns, ns.length);
        return new Costs(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], v[15], v[16], v[17], v[18]);
    }
}
