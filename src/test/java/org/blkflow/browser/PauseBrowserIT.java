package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pause means pause (issue 13): at maximum speed the page acks each frame it draws and the server
 * runs at most one message ahead, so a pause stops the step shown within a frame or so, at the step
 * the server paused at. The latency is printed, not asserted: it depends on the machine's load.
 */
class PauseBrowserIT extends BrowserTest {

    /** Eight CPUs, a million bios: far longer than the test plays. */
    static final String BUSY = "{mode:'mq', cpus:8, hwQueues:2, queueDepth:64, device:{irqMode:'timer'},"
            + " jobs:[{name:'fio', cpus:'all', rw:'randread', ioengine:'libaio', iodepth:32, ios:125000}]}";

    @Test
    void atMaximumSpeedPauseStopsTheStepShownAtTheServersStep() {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.script("window.blkflow.send({cmd: 'load', scenario: " + BUSY + "})");
        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "return window.blkflow.session.loaded?.scenario?.jobs?.[0]?.ios === 125000")));
        page.script("const r = document.querySelector('#controls [data-role=\"speed\"]'); r.value = r.max;"
                + " r.dispatchEvent(new Event('input'));");
        page.action("play");
        page.waitFor(d -> page.step() > 20_000);
        // Every change of the step shown is timed in the page; the pause click is timed the same way.
        Object stepWhenClicked = page.script("""
                const el = document.querySelector('[data-role="current-step"]');
                window.pauseProbe = { last: performance.now(), changes: 0 };
                new MutationObserver(() => { window.pauseProbe.last = performance.now(); window.pauseProbe.changes++; })
                  .observe(el, { childList: true, characterData: true, subtree: true });
                window.pauseProbe.clicked = performance.now();
                document.querySelector('#controls [data-action="play"]').click();
                return el.textContent;""");
        // Stopped: unchanged for a whole second.
        page.waitFor(d -> ((Number) page.script("return performance.now() - window.pauseProbe.last")).doubleValue() > 1000);
        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) page.script("return window.pauseProbe");
        double latencyMs = ((Number) probe.get("last")).doubleValue() - ((Number) probe.get("clicked")).doubleValue();
        page.waitFor(d -> "pause".equals(page.script("return window.blkflow.session.status.reason")));
        long shown = Long.parseLong(page.one("[data-role='current-step']").getText());
        long server = ((Number) page.script("return window.blkflow.session.status.step")).longValue();
        System.out.printf("[perf] pause at max speed: the step shown stopped %.0f ms after the click "
                        + "(step %s at the click, %d after, %s changes)%n",
                Math.max(0, latencyMs), stepWhenClicked, shown, probe.get("changes"));
        assertEquals(server, shown, "the step shown is the step the server paused at");
        assertTrue(shown >= Long.parseLong(String.valueOf(stepWhenClicked)), "the step never goes back on a pause");
        assertEquals(Boolean.FALSE, page.script("return window.blkflow.session.playing()"));
        page.assertNoSevereConsoleErrors();
    }
}
