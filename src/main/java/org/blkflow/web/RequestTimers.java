package org.blkflow.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times each POST /api/runs and /api/sweeps from the request to the last byte of its (streamed)
 * answer: {@code blkflow_run_duration_seconds} and {@code blkflow_sweep_duration_seconds}, tagged
 * with the status, so a refused run (400, 413) is not mistaken for a fast one.
 */
@Component
class RequestTimers extends OncePerRequestFilter {

    private final MeterRegistry registry;

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || meter(request.getRequestURI()) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        try {
            chain.doFilter(request, response);
        } finally {
            sample.stop(Timer.builder(meter(request.getRequestURI()))
                    .description("Runs and sweeps answered, from request to the end of the answer")
                    .tag("status", Integer.toString(response.getStatus())).register(registry));
        }
    }

    static String meter(String uri) {
        return switch (uri) {
            case "/api/runs" -> "blkflow.run.duration";
            case "/api/sweeps" -> "blkflow.sweep.duration";
            default -> null;
        };
    }
}
