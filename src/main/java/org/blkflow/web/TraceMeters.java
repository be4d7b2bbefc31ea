package org.blkflow.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.blkflow.trace.TraceStore;
import org.springframework.stereotype.Component;

/** The imported traces held in memory: {@code blkflow_traces_stored} and {@code blkflow_traces_bytes}. */
@Component
class TraceMeters implements MeterBinder {

    private final TraceStore store;

    TraceMeters(TraceStore store) {
        this.store = store;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("blkflow.traces.stored", store, TraceStore::size).description("Imported traces held")
                .register(registry);
        Gauge.builder("blkflow.traces.bytes", store, TraceStore::bytes).baseUnit("bytes")
                .description("Heap the imported traces hold, as estimated for the store's " + TraceStore.MAX_BYTES + "-byte bound")
                .register(registry);
    }
}
