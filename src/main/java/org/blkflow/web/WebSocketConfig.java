package org.blkflow.web;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.blkflow.session.SessionModel;
import org.blkflow.trace.TraceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * Registers the one raw WebSocket endpoint, a private simulation stream per browser tab, and what
 * it runs on. Browsers may connect from the page's own origin (Spring always allows same-origin)
 * or from localhost on any port, for the front end's dev server; other origins get a 403.
 */
@Configuration
@EnableWebSocket
public class WebSocketConfig implements WebSocketConfigurer {

    private final SessionSocketHandler handler;

    public WebSocketConfig(SessionSocketHandler handler) {
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // "host:*" needs a port; the default port (no port at all) is listed on its own.
        registry.addHandler(handler, "/ws/session").setAllowedOriginPatterns(
                "http://localhost:*", "http://127.0.0.1:*", "https://localhost:*", "https://127.0.0.1:*",
                "http://localhost", "http://127.0.0.1", "https://localhost", "https://127.0.0.1");
    }

    /**
     * The handler takes messages in pieces of at most these sizes, so the container never closes a
     * long one with 1009; {@link CommandFrames} enforces the command limit itself.
     */
    @Bean
    public static ServletServerContainerFactoryBean createWebSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize(SessionLimits.CONTAINER_BUFFER_BYTES);
        container.setMaxBinaryMessageBufferSize(1024);
        return container;
    }

    /**
     * Every play loop shares these threads, one per core, never a thread per session. Static
     * because the handler this configuration registers needs it.
     */
    @Bean(destroyMethod = "shutdownNow")
    public static ScheduledExecutorService sessionTicks() {
        ScheduledThreadPoolExecutor ticks = (ScheduledThreadPoolExecutor) Executors.newScheduledThreadPool(
                Runtime.getRuntime().availableProcessors(), r -> {
                    Thread t = new Thread(r, "session-tick");
                    t.setDaemon(true);
                    return t;
                });
        ticks.setRemoveOnCancelPolicy(true);
        return ticks;
    }

    /**
     * Closes clients that stopped reading. Closing one may wait briefly for the container to give up
     * its stuck write, so it happens here and never on a play or watchdog thread.
     */
    @Bean(destroyMethod = "shutdownNow")
    public static ExecutorService sessionClosing() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "session-close");
            t.setDaemon(true);
            return t;
        });
    }

    /** Imported traces: POST /api/traces puts them there, a session's {@code load} with {@code trace} reads them. */
    @Bean
    public static TraceStore traceStore() {
        return new TraceStore();
    }

    /** The real model; a test may put a {@code @Primary} one beside it that breaks an invariant. */
    @Bean
    public static SessionModel sessionModel() {
        return new SessionModel();
    }
}
