package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.lessons.Comparison;
import org.blkflow.lessons.Comparisons;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * The comparison page on a laptop shows both runs at one moment: A beside B from 1200 px wide, each
 * figure laid out for its half, nothing scrolling sideways and no STOPPED badge wider than its queue
 * (sixteen hctxs in half a screen are a couple of letters wide each) nor over its queue's title; on a
 * small screen A above B.
 */
class ComparisonLayoutBrowserIT extends BrowserTest {

    private static final int STEP = 100;

    /** Where the panes and the shown STOPPED badges are, against their queues' boxes. */
    private static final String MEASURE = """
            const r = e => e.getBoundingClientRect();
            const [a, b] = ['A', 'B'].map(p => r(document.querySelector(`[data-pane='${p}']`)));
            const badges = [...document.querySelectorAll('.stopped-badge:not([display="none"])')].map(g => {
              const own = r(g.querySelector('rect'));
              const box = r(g.parentNode.querySelector(':scope > rect'));
              const titleEl = g.parentNode.querySelector(':scope > text.box-label');
              const title = titleEl ? r(titleEl) : own;
              return {pane: g.closest('[data-pane]').dataset.pane, left: own.left, right: own.right,
                      boxLeft: box.left, boxRight: box.right, title: titleEl ? titleEl.textContent : '',
                      titleLeft: title.left, titleRight: titleEl ? title.right : title.left};
            });
            return {aLeft: a.left, aRight: a.right, aTop: a.top, aBottom: a.bottom, bLeft: b.left, bTop: b.top,
                    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                    badges};""";

    @SuppressWarnings("unchecked")
    private Map<String, Object> openAt(Comparison c) {
        // The comparison page has no connection badge: each pane says it has loaded by drawing its step.
        page.driver.get("http://localhost:" + port + "/?compare=" + c.id() + "&lock=step&step=" + STEP);
        page.waitFor(d -> String.valueOf(STEP).equals(page.one("[data-pane='A']").getAttribute("data-step"))
                && String.valueOf(STEP).equals(page.one("[data-pane='B']").getAttribute("data-step")));
        return (Map<String, Object>) page.script(MEASURE);
    }

    private static double n(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onALaptopEveryComparisonShowsItsRunsSideBySideWithBadgesInsideTheirQueues() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        List<String> wrong = new ArrayList<>();
        int shownBadges = 0;
        for (Comparison c : Comparisons.all()) {
            Map<String, Object> m = openAt(c);
            if (n(m, "aRight") > n(m, "bLeft") + 0.5 || Math.abs(n(m, "aTop") - n(m, "bTop")) > 0.5) {
                wrong.add(c.id() + ": A and B not side by side " + m);
            }
            if (n(m, "scrollWidth") > n(m, "clientWidth")) wrong.add(c.id() + ": scrolls sideways " + m);
            List<Map<String, Object>> badges = (List<Map<String, Object>>) m.get("badges");
            shownBadges += badges.size();
            for (Map<String, Object> badge : badges) {
                if (n(badge, "left") < n(badge, "boxLeft") - 0.5 || n(badge, "right") > n(badge, "boxRight") + 0.5) {
                    wrong.add(c.id() + ": a STOPPED badge wider than its queue " + badge);
                }
                // Its lower half reaches the box's title line: it must not cover the title's letters.
                if (n(badge, "left") < n(badge, "titleRight") && n(badge, "right") > n(badge, "titleLeft")) {
                    wrong.add(c.id() + ": a STOPPED badge over its queue's title " + badge);
                }
            }
        }
        // xen-single-vs-per-hctx stops hctxs of its full ring by step 100 (4 of them): the badge check has badges to look at.
        assertTrue(shownBadges >= 2, "no STOPPED badge shown at step " + STEP + " of any comparison");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void onASmallScreenAIsAboveB() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        Map<String, Object> m = openAt(Comparisons.all().get(0));
        assertTrue(n(m, "bTop") >= n(m, "aBottom"), () -> "B is not below A at 1024 px: " + m);
        assertTrue(n(m, "scrollWidth") <= n(m, "clientWidth"), () -> "scrolls sideways at 1024 px: " + m);
    }
}
