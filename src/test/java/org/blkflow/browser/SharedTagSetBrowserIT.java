package org.blkflow.browser;

import static org.blkflow.browser.ModelSteps.firstStep;
import static org.blkflow.browser.ModelSteps.modelAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.transition.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * shared-tags-70 with 2 of its 12 shared tags reserved (no preset reserves any): the shared set's bar
 * draws the reserved tags as a segment at its start, and each device's segment and the fair-share
 * marks are scaled to the 10 normal tags after it, which the model's share (max(ceil(10 / 2), 4) = 5
 * with both queues active) divides: the first mark falls where nullb0's 5 normal tags end. The reserved
 * tags are set in the editor on the loaded preset, so the figure must be laid out again for them.
 */
class SharedTagSetBrowserIT extends BrowserTest {

    private static final int RESERVED = 2;

    @Test
    void reservedTagsAreTheirOwnSegmentAndTheShareMarksCountTheNormalTags() throws Exception {
        Scenario s = ScenarioValidator.require(ScenarioDraft.of(Presets.byId("shared-tags-70").orElseThrow().scenario())
                .set(ScenarioFields.RESERVED_TAGS, RESERVED).build());
        int depth = s.queueDepth();
        int k = firstStep(s, snap -> snap.hctxs().get(0).share().users() == 2, "both queues active");
        Snapshot.TagShare share = modelAt(s, k).hctxs().get(0).share();
        assertEquals(Math.max((depth - RESERVED + 1) / 2, 4), share.share(), "the model's share counts the normal tags");

        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/?preset=shared-tags-70").loaded();
        assertEquals(0, page.all("#outline rect.tags-reserved").size(), "the preset reserves none");
        // Edited in place, as a teacher would: the figure is laid out again for the reserved tags.
        page.setField("reservedTags", String.valueOf(RESERVED));
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> String.valueOf(RESERVED).equals(page.one("#outline g.tag-set[data-tag-set='0']").getAttribute("data-reserved")));
        page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", k);
        page.waitForStep(k);
        page.waitFor(d -> "2".equals(page.one("#outline g.tag-set[data-tag-set='0']").getAttribute("data-active-queues")));
        @SuppressWarnings("unchecked")
        Map<String, Object> bar = (Map<String, Object>) page.script("""
                const g = document.querySelector("#outline g.tag-set[data-tag-set='0']");
                const x = el => el.x.baseVal.value, w = el => el.width.baseVal.value;
                const free = g.querySelector('rect.tags-free'), reserved = g.querySelector('rect.tags-reserved');
                const first = g.querySelector("rect.tag-share[data-device='0']");
                return { x: x(free), w: w(free), reservedX: reserved ? x(reserved) : -1, reservedW: reserved ? w(reserved) : -1,
                  firstX: x(first), firstW: w(first), held: Number(first.dataset.used),
                  marks: [...g.querySelectorAll('line.share-mark')].map(l => l.x1.baseVal.value),
                  text: g.querySelector('.tags-text').textContent, reservedAttr: g.dataset.reserved };""");
        double x = n(bar, "x"), w = n(bar, "w"), unit = w / depth;
        assertEquals(String.valueOf(RESERVED), bar.get("reservedAttr"));
        assertEquals(x, n(bar, "reservedX"), 1e-3, "reserved tags at the bar's start: " + bar);
        assertEquals(RESERVED * unit, n(bar, "reservedW"), 1e-3, "2 of 12 tags wide: " + bar);
        assertEquals(x + RESERVED * unit, n(bar, "firstX"), 1e-3, "nullb0's tags after the reserved ones: " + bar);
        assertEquals(n(bar, "held") * unit, n(bar, "firstW"), 1e-3, "a tag as wide as a reserved one: " + bar);
        @SuppressWarnings("unchecked")
        List<Number> marks = (List<Number>) bar.get("marks");
        assertEquals(1, marks.size(), "one mark inside: the second share ends at the bar's end: " + bar);
        assertEquals(x + (RESERVED + share.share()) * unit, marks.get(0).doubleValue(), 1e-3,
                "the first share ends 5 normal tags after the reserved ones: " + bar);
        assertTrue(String.valueOf(bar.get("text")).contains("/" + (depth - RESERVED) + " "), "counted of the normal tags: " + bar);
        page.script("document.querySelector('#outline g.tag-sets').scrollIntoView({block: 'center'})");
        page.screenshot("shared-tag-set-reserved");
        page.assertNoSevereConsoleErrors();
    }

    private static double n(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
