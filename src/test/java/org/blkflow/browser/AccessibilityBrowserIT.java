package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/** axe-core over the whole page in each of its modes: no serious or critical violation. */
class AccessibilityBrowserIT extends BrowserTest {

    Page at(int width, int height) {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        return page.open("/").loaded();
    }

    void assertClean(String mode) throws Exception {
        List<Map<String, Object>> all = Axe.violations(page);
        System.out.println("[axe] " + mode + ": " + all.size() + " rule(s) violated: " + all);
        assertEquals(List.of(), Axe.seriousOrCritical(all), mode + ": serious or critical violations");
    }

    void step(int n) {
        for (int k = 1; k <= n; k++) {
            page.action("step");
            page.waitForStep(k);
        }
    }

    @Test
    void thePageAtALaptopSizeAndPresentingHasNoSeriousViolation() throws Exception {
        at(1440, 900);
        step(12);
        assertClean("blk-mq page 1440x900");
        page.one("#controls [data-action='present']").click();
        page.waitFor(d -> "16".equals(page.one("#outline").getAttribute("data-font")));
        assertClean("presenting 1440x900");
        // The projector hides the header, not the page's one h1: a screen reader still finds the page's name.
        List<Object> ids = Axe.violations(page).stream().map(v -> v.get("id")).toList();
        assertTrue(!ids.contains("page-has-heading-one"), "presenting: " + ids);
    }

    @Test
    void theLegacyAndBioModesAndTheEditorsErrorsHaveNoSeriousViolation() throws Exception {
        at(1024, 768);
        page.preset("legacy-contention", "elv:0");
        step(8);
        assertClean("legacy sq 1024x768");
        page.preset("bio-based", "device:0");
        page.setField("cpus", "0");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> !page.all("#editor [data-field-error]").isEmpty());
        assertClean("bio with editor errors 1024x768");
    }

    /** Figure 3's active step with its alternative name beside it (7.0's blk_mq_submit_bio / …) is readable. */
    @Test
    void figureThreesActiveStepWithItsAlternativeHasNoSeriousViolation() throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/?preset=shared-tags-70").loaded();
        for (int k = 1; k <= 20 && page.all(".fn-path li[data-active='true'] .alt").isEmpty(); k++) {
            page.action("step");
            page.waitForStep(k);
        }
        assertTrue(!page.all(".fn-path li[data-active='true'] .alt").isEmpty(), "no active step with an alternative in 20 steps");
        assertClean("7.0 Figure 3 with an active alternative");
    }

    @Test
    void thePhoneLayoutHasNoSeriousViolation() throws Exception {
        at(390, 844);
        step(12);
        assertClean("phone 390x844");
        assertTrue(page.all("#outline g.rq").size() > 0);
    }

    /** The comparison page: both panes, the delta table, the charts and the edit forms. */
    @Test
    void theComparisonPageHasNoSeriousViolation() throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.driver.get("http://localhost:" + port + "/?compare=sq-vs-mq&lock=step");
        page.waitFor(d -> !page.all("[data-pane='A'] [data-queue='elv:0']").isEmpty()
                && !page.all("[data-pane='B'] [data-queue='hctx:0']").isEmpty());
        for (int k = 0; k < 10; k++) {
            page.one("#compare-controls [data-action='step']").click();
        }
        page.waitFor(d -> "10".equals(page.one("[data-pane='A']").getAttribute("data-step"))
                && "10".equals(page.one("[data-pane='B']").getAttribute("data-step")));
        assertClean("comparison sq-vs-mq 1440x900");
        // Beyond serious ones: every part of the page in a landmark, every header cell named, and no id
        // twice (both panes draw a Figure 1 whose edges share one arrowhead marker).
        List<Object> ids = Axe.violations(page).stream().map(v -> v.get("id")).toList();
        for (String rule : List.of("landmark-one-main", "region", "empty-table-header", "duplicate-id")) {
            assertTrue(!ids.contains(rule), rule + " violated: " + ids);
        }
    }
}
