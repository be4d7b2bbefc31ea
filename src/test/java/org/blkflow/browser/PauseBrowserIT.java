package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pause means pause (issue 13): at maximum speed the page acks each frame it draws and the server
 * runs at most one message ahead, so pause, back and a seek by the scrubber stop the step shown
 * within a frame or so, at the step the server answered. The latencies are printed with where the
 * time went (the server's answer arriving, the page's frames), not asserted: they depend on the load.
 */
class PauseBrowserIT extends BrowserTest {

    /** Eight CPUs, a million bios: far longer than the test plays. */
    static final String BUSY = "{mode:'mq', cpus:8, hwQueues:2, queueDepth:64, device:{irqMode:'timer'},"
            + " jobs:[{name:'fio', cpus:'all', rw:'randread', ioengine:'libaio', iodepth:32, ios:125000}]}";

    /** What each click does, in the page; {@code clicked} is stamped just before it. */
    private static final Map<String, String> CLICKS = Map.of(
            "pause", "document.querySelector('#controls [data-action=\"play\"]').click();",
            "back", "document.querySelector('#controls [data-action=\"back\"]').click();",
            // The scrubber to a third of the way: a seek back, far behind the step shown.
            "seek", "const r = document.querySelector('[data-role=\"scrubber\"]');"
                    + " r.value = String(Math.floor(Number(el.textContent) / 3)); r.dispatchEvent(new Event('change'));");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pause", "back", "seek"})
    void atMaximumSpeedTheStepShownStopsAtTheServersAnswer(String action) {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.script("window.blkflow.send({cmd: 'load', scenario: " + BUSY + "})");
        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "return window.blkflow.session.loaded?.scenario?.jobs?.[0]?.ios === 125000")));
        page.script("const r = document.querySelector('#controls [data-role=\"speed\"]'); r.value = r.max;"
                + " r.dispatchEvent(new Event('input'));");
        page.action("play");
        // Well into the run; on a machine shared with other builds the page may draw only a few frames a second.
        new WebDriverWait(page.driver, Duration.ofSeconds(90)).until(d -> page.step() > 10_000);
        // Every change of the step shown is timed in the page, and so is every message's arrival.
        Object stepWhenClicked = page.script("""
                const el = document.querySelector('[data-role="current-step"]');
                const p = window.probe = { changes: [], messages: [] };
                new MutationObserver(() => p.changes.push([performance.now(), el.textContent]))
                  .observe(el, { childList: true, characterData: true, subtree: true });
                const s = window.blkflow.session, handle = s.handle;
                s.handle = msg => { p.messages.push([performance.now(), msg.type, msg.items?.length ?? msg.reason ?? '', msg.step]); return handle(msg); };
                window.blkflow.profile = {};
                p.clicked = performance.now();
                """ + CLICKS.get(action) + """
                return el.textContent;""");
        String reason = "pause".equals(action) ? "pause" : "seek";
        // The server's own answer, as it arrived (a step back within the log is drawn before it comes).
        String answer = "return window.probe.messages.find(m => m[1] === 'state' && m[2] === arguments[0])?.[3] ?? null";
        page.waitFor(d -> page.script(answer, reason) != null);
        long server = ((Number) page.script(answer, reason)).longValue();
        page.waitFor(d -> String.valueOf(server).equals(page.one("[data-role='current-step']").getText()));
        // Stopped: unchanged for a whole second.
        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "const c = window.probe.changes; return performance.now() - (c.length ? c[c.length - 1][0] : 0) > 1000")));
        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) page.script("""
                const p = window.probe, at = t => Math.round(t - p.clicked);
                const answer = p.messages.find(m => m[1] === 'state' && m[2] === arguments[1]);
                const stale = p.messages.filter(m => m[1] === 'transitions');
                const drawn = p.changes.filter(c => c[1] === arguments[0]).map(c => at(c[0]));
                const prof = window.blkflow.profile;
                const views = Object.values(prof).reduce((a, b) => a + b, 0);
                return { shown: drawn.length ? drawn[0] : -1, answer: answer ? at(answer[0]) : -1,
                  stale: stale.length, staleItems: stale.reduce((a, m) => a + m[2], 0),
                  changes: p.changes.length, steps: p.changes.map(c => c[1]).join(' → '), views: Math.round(views),
                  each: Object.entries(prof).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ') };""",
                String.valueOf(server), reason);
        long shown = Long.parseLong(page.one("[data-role='current-step']").getText());
        // No change at all: the page had drawn the server's step already when the click came.
        Object latency = ((Number) probe.get("shown")).intValue() < 0 && String.valueOf(server).equals(stepWhenClicked)
                ? "0 (already drawn)" : probe.get("shown");
        System.out.printf("[perf] %s at max speed: the step shown reached the server's step %d %s ms after the click"
                        + " (answer arrived at %s ms; %s transitions message(s) arrived after the click, %s transitions; views drew %s ms: %s;"
                        + " step %s at the click, shown %s)%n",
                action, server, latency, probe.get("answer"), probe.get("stale"), probe.get("staleItems"),
                probe.get("views"), probe.get("each"), stepWhenClicked, probe.get("steps"));
        assertEquals(server, shown, "the step shown is the step the server answered");
        long clicked = Long.parseLong(String.valueOf(stepWhenClicked));
        if ("pause".equals(action)) {
            assertTrue(shown >= clicked, "the step never goes back on a pause");
        } else {
            long target = "back".equals(action) ? clicked - 1 : clicked / 3;
            assertEquals(target, shown, action + " lands where it was asked to, not past it");
            assertEquals(1, ((Number) probe.get("changes")).intValue(),
                    "no stale message is drawn on the way: the step shown goes straight there, " + probe.get("steps"));
        }
        assertEquals(Boolean.FALSE, page.script("return window.blkflow.session.playing()"));
        page.assertNoSevereConsoleErrors();
    }
}
