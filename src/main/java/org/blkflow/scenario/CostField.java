package org.blkflow.scenario;

import java.util.function.ToLongFunction;

/**
 * One entry of the {@link Costs} table, with its JSON name and its short key in a link's
 * {@code cost=} parameter. The order is the record's, so links and JSON list costs the same way.
 */
public enum CostField {
    MAKE_REQUEST("makeRequestNs", "mk", Costs::makeRequestNs),
    MERGE_ATTEMPT("mergeAttemptNs", "mrg", Costs::mergeAttemptNs),
    ALLOC_REQUEST("allocRequestNs", "alloc", Costs::allocRequestNs),
    INSERT("insertNs", "ins", Costs::insertNs),
    DISPATCH("dispatchNs", "disp", Costs::dispatchNs),
    DRIVER("driverNs", "drv", Costs::driverNs),
    COMPLETE("completeNs", "cpl", Costs::completeNs),
    IRQ("irqNs", "irq", Costs::irqNs),
    IPI("ipiNs", "ipi", Costs::ipiNs),
    LOCK("lockNs", "lock", Costs::lockNs),
    LOCK_BOUNCE("lockBounceNs", "bounce", Costs::lockBounceNs),
    SWITCH("switchNs", "sw", Costs::switchNs),
    HYPERCALL("hypercallNs", "hcall", Costs::hypercallNs),
    GRANT_MAP("grantMapNs", "gmap", Costs::grantMapNs),
    GRANT_UNMAP("grantUnmapNs", "gunmap", Costs::grantUnmapNs),
    PERSISTENT_GRANT("persistentGrantNs", "pgrant", Costs::persistentGrantNs),
    BLKBACK("blkbackNs", "bback", Costs::blkbackNs),
    FIO_IO("fioIoNs", "fio", Costs::fioIoNs),
    PV_SYSCALL("pvSyscallNs", "pvsys", Costs::pvSyscallNs);

    /** A millisecond of CPU for one step is already absurd; the cap keeps sums far from overflow. */
    public static final long MAX_NS = 1_000_000;
    /** The rule for a cost that does not read as a number, with the range the range check holds it to. */
    public static final String READ_RULE = "must be a whole number of nanoseconds between 0 and " + MAX_NS;

    private final String json;
    private final String linkKey;
    private final ToLongFunction<Costs> read;

    CostField(String json, String linkKey, ToLongFunction<Costs> read) {
        this.json = json;
        this.linkKey = linkKey;
        this.read = read;
    }

    public String json() {
        return json;
    }

    public String linkKey() {
        return linkKey;
    }

    public long of(Costs costs) {
        return read.applyAsLong(costs);
    }

    public static CostField byJson(String name) {
        for (CostField f : values()) {
            if (f.json.equals(name)) {
                return f;
            }
        }
        return null;
    }

    public static CostField byLinkKey(String key) {
        for (CostField f : values()) {
            if (f.linkKey.equals(key)) {
                return f;
            }
        }
        return null;
    }
}
