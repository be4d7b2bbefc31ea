package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Figure 1's dom0 row for the xen-iometer preset: at a stepped step, each blkback thread is drawn on the
 * dom0 vCPU, with the status, the model's stream gives it by then (read here from the model itself,
 * not from the page), and its text stays at least 12 px at 1440×900.
 */
class XenDom0BrowserIT extends BrowserTest {

    private static final Set<String> THREAD = Set.of("xen_blkif_schedule", "dispatch_rw_block_io", "gnttab_map_refs", "submit_bio");

    /** 45: three threads woken, one asleep; 60: threads running; 100: all four asleep again. */
    @ParameterizedTest
    @ValueSource(ints = {45, 60, 100})
    void theDrawnThreadsAndVcpusAreWhatTheStreamSays(int step) throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/").loaded().preset("xen-iometer", "hctx:3");
        WebElement go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys(step + "\n");
        page.waitForStep(step);

        Map<Integer, String[]> expected = fromTheModel(Presets.byId("xen-iometer").orElseThrow().scenario(), step);
        assertTheThreads(expected, step);
        List<String> statuses = new ArrayList<>();
        expected.values().forEach(v -> statuses.add(v[0]));
        System.out.println("[xen-dom0] step " + step + ": " + statuses);
        Map<String, Object> text = FigureText.measure(page);
        assertTrue(FigureText.number(text, "minFont") >= 12, "Figure 1's smallest text: " + text);
        page.script("document.querySelector('#outline .dom0').scrollIntoView({block: 'center'})");
        page.screenshot("xen-dom0-" + step);
        page.assertNoSevereConsoleErrors();
    }

    /**
     * A far seek lands on the server's snapshot, not on steps the page replays: each thread's state then
     * is the server's (no "?"), and on a host of two pCPUs for the eight vCPUs, so are the vCPUs waiting.
     */
    @ParameterizedTest
    @ValueSource(ints = {45, 60, 100})
    void aFarSeekLandsOnTheServersThreadsAndPcpuWaits(int step) throws Exception {
        String link = ScenarioLink.encode(Presets.byId("xen-iometer").orElseThrow().scenario()).replace("&dev=", "&dev=pcpus:2,");
        Scenario scenario = ScenarioLink.decode(link).scenario();
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open(link).loaded();
        page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", step);
        page.waitForStep(step);
        assertTrue(page.logSeqs().stream().mapToInt(Integer::parseInt).noneMatch(seq -> seq < step),
                "the page landed on the server's snapshot rather than replaying the steps: " + page.logSeqs());
        assertTheThreads(fromTheModel(scenario, step), step);
        String waiting = waitingFromTheModel(scenario, step);
        page.waitFor(d -> waiting.equals(page.one("#outline g.dom0").getAttribute("data-pcpu-waiting")));
        System.out.println("[xen-dom0] seek to " + step + ": vCPUs waiting for a pCPU [" + waiting + "]");
        page.assertNoSevereConsoleErrors();
    }

    /**
     * dom0's header on a phone and presenting on a small projector: the two Xen lock tabs each name their lock
     * (in full, or as "grant: …" / "flush: …" where the full name does not fit, lock-places.js), not both "free".
     */
    @Test
    void dom0sXenLockTabsNameTheirLocksAtEveryWidth() throws Exception {
        page = new Page(Browser.start(profile), port);
        for (int[] size : new int[][] {{390, 844}, {1024, 768}, {1440, 900}}) {
            page.driver.manage().window().setSize(new Dimension(size[0], size[1]));
            page.open("/?preset=xen-iometer&step=45" + (size[0] == 1024 ? "&present=1" : ""));
            page.waitForStep(45);
            for (String[] lock : new String[][] {{"domU grant_table->lock", "grant"}, {"Xen flush_lock", "flush"}}) {
                String tab = "#outline [data-lock='" + lock[0] + "'] .lock-text";
                page.waitFor(d -> !page.all(tab).isEmpty() && !page.one(tab).getAttribute("textContent").isEmpty());
                String text = page.one(tab).getAttribute("textContent");
                System.out.println("[xen-dom0] " + size[0] + "x" + size[1] + " (Figure 1 " + page.script(
                        "return document.querySelector('#outline').getBoundingClientRect().width") + " px) " + lock[0] + ": " + text);
                assertTrue(text.startsWith(lock[0]) || text.startsWith(lock[1]), lock[0] + "'s tab at " + size[0] + " px reads " + text);
            }
            Map<String, Object> text = FigureText.measure(page);
            assertTrue(FigureText.number(text, "minFont") >= 12, "Figure 1's smallest text at " + size[0] + " px: " + text);
            page.script("document.querySelector('#outline .dom0').scrollIntoView({block: 'center'})");
            page.screenshot("xen-dom0-locks-" + size[0]);
        }
        page.assertNoSevereConsoleErrors();
    }

    private void assertTheThreads(Map<Integer, String[]> expected, int step) {
        page.waitFor(d -> expected.entrySet().stream().allMatch(e -> e.getValue()[0].equals(
                page.one("#outline [data-blkback='" + e.getKey() + "']").getAttribute("data-status"))));
        for (Map.Entry<Integer, String[]> e : expected.entrySet()) {
            int ring = e.getKey();
            String[] want = e.getValue();
            WebElement thread = page.one("#outline [data-blkback='" + ring + "']");
            assertEquals(want[0], thread.getAttribute("data-status"), "blkback " + ring + " at step " + step);
            assertEquals(want[1], thread.getAttribute("data-cpu"), "blkback " + ring + "'s vCPU");
            WebElement cpu = page.one("#outline [data-backend-cpu='" + want[1] + "']");
            assertTrue(cpu.findElements(org.openqa.selenium.By.cssSelector("[data-blkback='" + ring + "']")).size() == 1,
                    "blkback " + ring + " drawn inside dom0 CPU " + want[1]);
            assertEquals(want[2], thread.getAttribute("data-fn"), "blkback " + ring + "'s last step while it runs");
        }
    }

    /** The vCPUs waiting for a pCPU after the model's first {@code steps} moves, as the dom0 row lists them. */
    private static String waitingFromTheModel(Scenario scenario, int steps) {
        java.util.TreeSet<Integer> waiting = new java.util.TreeSet<>();
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        for (int i = 0; i < steps; i++) {
            Transition t = run.next();
            if (t.kind() == TransitionKind.PCPU_WAIT) waiting.add(t.cpu());
            if (t.kind() == TransitionKind.PCPU_RUN) waiting.remove(t.cpu());
        }
        return String.join(" ", waiting.stream().map(String::valueOf).toList());
    }

    /** Per ring: {status, vCPU, the running thread's last function} after the model's first {@code steps} moves. */
    private static Map<Integer, String[]> fromTheModel(Scenario scenario, int steps) {
        Map<Integer, String[]> out = new LinkedHashMap<>();
        for (int r = 0; r < scenario.hwQueues(); r++) {
            out.put(r, new String[] {"sleeping", String.valueOf(scenario.cpus() + r % scenario.device().backend().cpus()), ""});
        }
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        for (int i = 0; i < steps; i++) {
            Transition t = run.next();
            if (t.kind() != TransitionKind.BLKBACK) continue;
            String[] s = out.get(t.hctx());
            if (t.fn().equals("xen_blkif_be_int") && !s[0].equals("running")) s[0] = "waking";
            if (t.fn().equals("wait_event_interruptible")) { s[0] = "sleeping"; s[2] = ""; }
            if (THREAD.contains(t.fn())) { s[0] = "running"; s[1] = String.valueOf(t.cpu()); s[2] = t.fn(); }
        }
        return out;
    }
}
