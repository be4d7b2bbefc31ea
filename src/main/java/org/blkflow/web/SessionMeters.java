package org.blkflow.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.web.socket.CloseStatus;

/**
 * The live sessions' meters on /actuator/prometheus: {@code blkflow_sessions_active},
 * {@code blkflow_transitions_sent_total} (its rate is transitions per second) and
 * {@code blkflow_sessions_closed_total{reason}}, the reason read from the WebSocket close code.
 */
final class SessionMeters {

    private final MeterRegistry registry;
    private final Counter sent;

    SessionMeters(MeterRegistry registry, Supplier<Number> active) {
        this.registry = registry;
        Gauge.builder("blkflow.sessions.active", active).description("Live WebSocket sessions, each a simulation")
                .register(registry);
        this.sent = Counter.builder("blkflow.transitions.sent")
                .description("Transitions handed to sessions' sockets; rate() gives transitions per second")
                .register(registry);
    }

    void transitionsSent(int n) {
        sent.increment(n);
    }

    void closed(CloseStatus status) {
        Counter.builder("blkflow.sessions.closed").description("Sessions closed, by why")
                .tag("reason", reason(status.getCode())).register(registry).increment();
    }

    /** A few words per close code (RFC 6455 §7.4.1); the codes blkflow itself sends have their own. */
    static String reason(int code) {
        return switch (code) {
            case 1000 -> "normal";
            case 1001 -> "going_away";
            case 1006 -> "abnormal";
            case 1011 -> "server_error";
            case SessionLimits.TOO_SLOW -> "client_too_slow";
            case SessionLimits.TRY_AGAIN_LATER -> "over_session_limit";
            default -> "other";
        };
    }
}
