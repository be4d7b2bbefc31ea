package org.blkflow.transition;

/**
 * Where a bio or request is. Spelled {@code "ctx:1"}, {@code "hctx:0"}, {@code "done"} in JSON and in
 * the front end's {@code data-queue} attributes, so every layer names a place the same way.
 */
public record Place(PlaceKind kind, int index) {

    public static final Place NONE = new Place(PlaceKind.NONE, -1);
    public static final Place DONE = new Place(PlaceKind.DONE, -1);
    /** A bio merged into a request; which request is in {@link Transition#req()}. */
    public static final Place MERGED = new Place(PlaceKind.MERGED, -1);

    private static final int CACHED = 64;
    private static final Place[][] CACHE = new Place[PlaceKind.values().length][CACHED];

    static {
        for (PlaceKind k : PlaceKind.values()) {
            for (int i = 0; i < CACHED; i++) {
                CACHE[k.ordinal()][i] = new Place(k, i);
            }
        }
    }

    /** Places are interned for small indexes: the model emits millions of transitions per second. */
    public static Place of(PlaceKind kind, int index) {
        if (index < 0) {
            return switch (kind) {
                case DONE -> DONE;
                case NONE -> NONE;
                case MERGED -> MERGED;
                default -> throw new IllegalArgumentException(kind + " needs an index");
            };
        }
        return index < CACHED ? CACHE[kind.ordinal()][index] : new Place(kind, index);
    }

    public static Place task(int cpu) { return of(PlaceKind.TASK, cpu); }
    public static Place plug(int cpu) { return of(PlaceKind.PLUG, cpu); }
    public static Place cached(int cpu) { return of(PlaceKind.CACHED, cpu); }
    public static Place tagWait(int hctx) { return of(PlaceKind.TAG_WAIT, hctx); }
    public static Place ctx(int ctx) { return of(PlaceKind.CTX, ctx); }
    public static Place hctx(int hctx) { return of(PlaceKind.HCTX, hctx); }
    public static Place driver(int hctx) { return of(PlaceKind.DRIVER, hctx); }
    public static Place device(int hctx) { return of(PlaceKind.DEVICE, hctx); }
    public static Place elevator(int queue) { return of(PlaceKind.ELEVATOR, queue); }
    public static Place dispatch(int queue) { return of(PlaceKind.DISPATCH, queue); }
    public static Place requeue(int queue) { return of(PlaceKind.REQUEUE, queue); }

    @Override
    public String toString() {
        return index < 0 ? kind.label() : kind.label() + ":" + index;
    }
}
