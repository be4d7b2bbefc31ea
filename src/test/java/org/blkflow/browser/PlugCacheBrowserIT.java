package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Place;
import org.blkflow.transition.Snapshot;
import org.blkflow.transition.SnapshotTracker;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;

/**
 * 7.0's cached requests drawn in Figure 1's plug box (views/plug-cache.js): stepping through the
 * cached-70 preset, the count and tags the page draws for CPU 0's plug cache are those of the
 * server's snapshot at the same step — after the batch (7 cached), after a bio took one, after the
 * plug's end freed the rest — and a seek, which lands on the server's own snapshot, draws the same.
 */
class PlugCacheBrowserIT extends BrowserTest {

    private static final String CACHED = "#outline [data-role='plug-cached'][data-cpu='0']";

    @Test
    void theDrawnCacheIsTheServersSnapshotAtEachStep() {
        Scenario scenario = Presets.byId("cached-70").orElseThrow().scenario();
        List<Transition> stream = stream(scenario);
        page = new Page(Browser.start(profile), port).open("/").loaded().preset("cached-70", "plug:0");
        List<Integer> checked = new ArrayList<>();
        int lastFull = -1;
        for (int k = 1; k <= stream.size() && checked.size() < 6; k++) {
            page.action("step");
            page.waitForStep(k);
            Map<String, Object> last = page.last();
            String kind = String.valueOf(last.get("kind"));
            boolean fromCache = "getrq".equals(kind) && "cached:0".equals(last.get("from"));
            boolean freedFromCache = "free".equals(kind) && "cached:0".equals(last.get("from"));
            if (!fromCache && !freedFromCache && !"cache".equals(kind)) continue;
            List<Integer> tags = cachedTags(scenario, stream, k);
            String count = String.valueOf(tags.size());
            page.waitFor(d -> count.equals(page.one(CACHED).getAttribute("data-count")));
            assertEquals(join(tags), page.one(CACHED).getAttribute("data-tags"), "step " + k + " (" + kind + ")");
            if (!tags.isEmpty()) {
                assertTrue(page.one(CACHED).getText().contains("cached " + tags.size()), page.one(CACHED).getText());
                if (tags.size() == 7) lastFull = k;
            }
            if (fromCache || freedFromCache) checked.add(k);
        }
        assertTrue(lastFull > 0, "the batch's 7 cached requests were drawn");
        assertTrue(checked.size() >= 2, "bios took cached requests: " + checked);

        int k = checked.get(checked.size() - 1);
        page.action("reset");
        page.waitForStep(0);
        var go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys(lastFull + "\n");
        page.waitForStep(lastFull);
        page.waitFor(d -> "7".equals(page.one(CACHED).getAttribute("data-count")));
        assertEquals(join(cachedTags(scenario, stream, lastFull)), page.one(CACHED).getAttribute("data-tags"),
                "after a seek to step " + lastFull);
        go.clear();
        go.sendKeys(k + "\n");
        page.waitForStep(k);
        String expected = String.valueOf(cachedTags(scenario, stream, k).size());
        page.waitFor(d -> expected.equals(page.one(CACHED).getAttribute("data-count")));
        page.assertNoSevereConsoleErrors();
    }

    private static List<Transition> stream(Scenario scenario) {
        BlockLayerRun run = new BlockLayerRun(scenario, false);
        List<Transition> out = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) out.add(t);
        return out;
    }

    /** The tags the server's snapshot after {@code steps} transitions has cached on CPU 0, in its order. */
    private static List<Integer> cachedTags(Scenario scenario, List<Transition> stream, int steps) {
        SnapshotTracker tracker = new SnapshotTracker(scenario.hwQueues(), scenario.queueDepth());
        for (int i = 0; i < steps; i++) tracker.apply(stream.get(i));
        Snapshot snapshot = tracker.snapshot(steps, stream.get(steps - 1).t());
        return snapshot.items().stream().filter(it -> it.place().equals(Place.cached(0))).map(Snapshot.Item::tag).toList();
    }

    private static String join(List<Integer> tags) {
        return String.join(",", tags.stream().map(String::valueOf).toList());
    }
}
