package org.blkflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The load scripts refuse what load/args.sh refuses before they connect anywhere: a host that is not
 * loopback, and numbers that are not whole. Each case exits 2 with the reason, so no case here opens
 * a socket.
 */
class LoadScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"load/soak.sh", "load/sessions-load.sh"})
    void aHostThatIsNotLoopbackIsRefused(String script) throws Exception {
        Result r = run(script, Map.of("HOST", "example.com"));
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("refusing non-loopback host 'example.com'"), r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"load/soak.sh", "load/sessions-load.sh", "load/first-seek.sh"})
    void aPortThatIsNotAWholeNumberIsRefusedByName(String script) throws Exception {
        Result r = run(script, Map.of("PORT", "80a"));
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains("PORT must be a whole number, got '80a'"), r.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"N", "DURATION"})
    void sessionsLoadNamesTheBadNumber(String name) throws Exception {
        Result r = run("load/sessions-load.sh", Map.of(name, "-1"));
        assertEquals(2, r.exit());
        assertTrue(r.stderr().contains(name + " must be a whole number, got '-1'"), r.stderr());
    }

    private record Result(int exit, String stderr) {
    }

    private static Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", script);
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(script + " did not refuse within 30 s: it went on to run");
        }
        return new Result(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
