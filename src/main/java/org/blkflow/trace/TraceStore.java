package org.blkflow.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Imported traces kept in memory, least recently used dropped first. Ids are 128 random bits, so
 * one user cannot guess another's trace. Bounded by count and by the bytes the traces hold
 * ({@link ImportedTrace#bytes()}), so strangers' uploads never hold more than {@link #MAX_BYTES}.
 */
public final class TraceStore {

    public static final int MAX_TRACES = 32;
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ImportedTrace> traces = new LinkedHashMap<>(16, 0.75f, true);
    private final long maxBytes;
    private long bytes;

    public TraceStore() {
        this(MAX_BYTES);
    }

    TraceStore(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public synchronized String put(ImportedTrace trace) {
        byte[] bits = new byte[16];
        random.nextBytes(bits);
        String id = HexFormat.of().formatHex(bits);
        traces.put(id, trace);
        bytes += trace.bytes();
        while (traces.size() > MAX_TRACES || (bytes > maxBytes && traces.size() > 1)) {
            evictEldest();
        }
        return id;
    }

    public synchronized Optional<ImportedTrace> get(String id) {
        return Optional.ofNullable(traces.get(id));
    }

    public synchronized int size() {
        return traces.size();
    }

    /** The bytes the kept traces hold, as {@link ImportedTrace#bytes()} estimates them. */
    public synchronized long bytes() {
        return bytes;
    }

    private void evictEldest() {
        var eldest = traces.entrySet().iterator();
        bytes -= eldest.next().getValue().bytes();
        eldest.remove();
    }
}
