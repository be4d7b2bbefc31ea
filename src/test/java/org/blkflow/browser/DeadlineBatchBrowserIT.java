package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.transition.DeadlineBatch;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * mq-deadline's batch on Figure 1's scheduler lane (sata-70): at a step where dd_dispatch_request has
 * just handed out a request, the lane's group says the stream's direction and count and the model's
 * starvation count, and writes them; reached by a seek (the server's snapshot), by steps (the page's
 * own stepping) and by a seek away and back, it is the same. Just before a dispatch the list marked
 * next is the direction that dispatch takes.
 */
class DeadlineBatchBrowserIT extends BrowserTest {

    private static final String LANE = "#outline g.scheduler";

    /** A dispatch the model makes in the preset, with the batch it left (starved 1 if the run has one). */
    private record Dispatch(int step, Transition t, DeadlineBatch batch) {
    }

    @Test
    void theLaneSaysTheBatchTheModelIsInWhetherSteppedOrSought() throws Exception {
        Scenario s = ScenarioValidator.require(Presets.byId("sata-70").orElseThrow().scenario());
        Dispatch d = dispatch(s);
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/").loaded();
        page.preset("sata-70", "elv:0");
        assertEquals("none", attr("data-batch-dir"), "no batch before the first dispatch");
        assertEquals("", text(LANE + " text.dd-batch"));

        seek(d.step());
        Map<String, String> sought = assertLane(d, "sought");
        seek(d.step() - 4);
        page.script("window.blkflow.send({cmd: 'step', n: 4})");
        page.waitForStep(d.step());
        assertEquals(sought, assertLane(d, "stepped"), "stepping there shows what seeking there showed");
        seek(d.step() + 25);
        seek(d.step());
        assertEquals(sought, assertLane(d, "sought again"), "seeking away and back shows the same");
        page.screenshot("deadline-batch-1440");

        // Just before a dispatch of a batch, the list marked next is the direction it takes.
        int before = nextBatchDispatch(s, d.step()) - 1;
        seek(before);
        String dir = direction(transitionAt(s, before + 1));
        assertEquals(dir, attr("data-next-dir"), "marked next at step " + before);
        assertEquals("true", String.valueOf(page.script(
                "return document.querySelector(arguments[0])?.getAttribute('data-next')", LANE + " rect.sched-list[data-sched-list='" + dir + "']")));
        page.assertNoSevereConsoleErrors();
    }

    /** The hooks and the batch line equal the stream's dispatch and the model's starved; returns what was read. */
    private Map<String, String> assertLane(Dispatch d, String how) {
        String dir = direction(d.t());
        page.waitFor(x -> dir.equals(attr("data-batch-dir")));
        Map<String, String> shown = Map.of("dir", attr("data-batch-dir"), "count", attr("data-batch-count"),
                "starved", attr("data-writes-starved"), "text", text(LANE + " text.dd-batch"), "next", attr("data-next-dir"));
        assertEquals(String.valueOf(d.t().count()), shown.get("count"), how + ": the stream's count at step " + d.step());
        assertEquals(String.valueOf(d.batch().starved()), shown.get("starved"), how + ": the model's dd->starved");
        String line = dir + " batch " + d.t().count() + " / 16"
                + (d.batch().starved() > 0 ? " · writes starved " + d.batch().starved() + " / 2" : "");
        assertEquals(line, shown.get("text"), how);
        return shown;
    }

    /** The first dispatch of a batch (count ≥ 2 preferred) after which writes are starved, else the first of count ≥ 2. */
    private static Dispatch dispatch(Scenario s) {
        BlockLayerRun run = new BlockLayerRun(s, true);
        Dispatch any = null;
        for (int step = 1; step < 5000; step++) {
            Transition t = run.next();
            if (t == null) break;
            if (!"dd_dispatch_request".equals(t.fn()) || t.count() < 1) continue;
            DeadlineBatch b = run.snapshot().deadline().get(0).batch();
            if (b.starved() > 0 && step > 10) return new Dispatch(step, t, b);
            if (any == null && t.count() >= 2 && step > 10) any = new Dispatch(step, t, b);
        }
        assertTrue(any != null, "sata-70 dispatches a batch of two");
        return any;
    }

    private static int nextBatchDispatch(Scenario s, int after) {
        BlockLayerRun run = new BlockLayerRun(s, false);
        for (int step = 1; step < 5000; step++) {
            Transition t = run.next();
            if (t == null) break;
            if (step > after + 1 && "dd_dispatch_request".equals(t.fn()) && t.count() >= 1) return step;
        }
        throw new AssertionError("no dispatch after step " + after);
    }

    private static Transition transitionAt(Scenario s, int step) {
        BlockLayerRun run = new BlockLayerRun(s, false);
        for (int i = 1; i < step; i++) run.next();
        return run.next();
    }

    private static String direction(Transition t) {
        return t.rwbs().contains("W") ? "write" : "read";
    }

    private void seek(int step) {
        page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", step);
        page.waitForStep(step);
    }

    private String attr(String name) {
        return String.valueOf(page.script("return document.querySelector(arguments[0])?.getAttribute(arguments[1])", LANE, name));
    }

    private String text(String css) {
        return String.valueOf(page.script("return document.querySelector(arguments[0])?.textContent", css));
    }
}
