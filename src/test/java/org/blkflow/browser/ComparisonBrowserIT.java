package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.blkflow.lessons.Comparison;
import org.blkflow.lessons.Comparisons;
import org.blkflow.lessons.TimeLockstep;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * /?compare=<id>: two runs, A above B, in lockstep by virtual time (the default) and by step, after
 * step, back, seek and play. Where B must be for A's moment is worked out here from the model.
 */
class ComparisonBrowserIT extends BrowserTest {

    private int paneStep(String pane) {
        String s = page.one("[data-pane='" + pane + "']").getAttribute("data-step");
        return s == null ? -1 : Integer.parseInt(s);
    }

    private long paneTime(String pane) {
        return Long.parseLong(page.one("[data-pane='" + pane + "']").getAttribute("data-t"));
    }

    /** B shows A's moment: it is at the last transition of its run at or before A's virtual time. */
    private void bAtTheTimeOfA(Comparison c) {
        page.waitFor(d -> {
            long expected = TimeLockstep.stepAt(c.b().scenario(), paneTime("A"), 10_000_000);
            return paneStep("B") == expected;
        });
    }

    private void bothAt(int k) {
        page.waitFor(d -> paneStep("A") == k && paneStep("B") == k);
    }

    /** The comparison page has no connection badge of its own: each pane says it has loaded by drawing. */
    private void open(String pathAndQuery) {
        page.driver.get("http://localhost:" + port + pathAndQuery);
    }

    private void control(String action) {
        page.one("#compare-controls [data-action='" + action + "']").click();
    }

    @Test
    void twoPanesStayInLockstepAfterStepBackSeekAndPlay() {
        page = new Page(Browser.start(profile), port);
        open("/?compare=sq-vs-mq&lock=step");
        page.waitFor(d -> !page.all("[data-pane='A'] [data-queue='elv:0']").isEmpty()
                && !page.all("[data-pane='B'] [data-queue='hctx:7']").isEmpty());
        bothAt(0);
        for (int i = 1; i <= 3; i++) {
            control("step");
            bothAt(i);
        }
        control("back");
        bothAt(2);
        WebElement go = page.one("[data-role='goto']");
        go.clear();
        go.sendKeys("40\n");
        bothAt(40);
        // A is the single queue, B blk-mq: the same step is a different moment of a different run
        assertNotEquals(page.one("[data-pane='A'] .narration").getAttribute("data-seq"), null);
        assertTrue(page.driver.getCurrentUrl().endsWith("/?compare=sq-vs-mq&lock=step&step=40"), page.driver.getCurrentUrl());

        control("play");
        page.waitFor(d -> paneStep("A") > 50 && paneStep("B") > 50);
        control("play");
        page.waitFor(d -> Boolean.TRUE.equals(page.script("return window.blkflow.panes().every(p => !p.session.playing())")));
        page.waitFor(d -> paneStep("A") == paneStep("B") && paneStep("A") > 50);
        int k = paneStep("A");
        control("step");
        // the last messages of play may still land: the panes meet again past k
        page.waitFor(d -> paneStep("A") == paneStep("B") && paneStep("A") > k);

        page.waitFor(d -> !"—".equals(page.one("[data-role='delta'] [data-row='completed I/Os'] td").getText()));
        String delta = page.one("[data-role='delta'] [data-row='lock contentions'] [data-delta]").getText();
        assertTrue(delta.startsWith("−"), "blk-mq has fewer lock contentions than the single queue: " + delta);
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void byVirtualTimeTheClockBehindMovesAndBFollowsAAfterSeekAndPlay() {
        Comparison c = Comparisons.byId("sq-vs-mq").orElseThrow();
        page = new Page(Browser.start(profile), port);
        open("/?compare=sq-vs-mq");
        page.waitFor(d -> !page.all("[data-pane='B'] [data-queue='hctx:7']").isEmpty() && paneStep("A") == 0 && paneStep("B") == 0);
        for (int i = 0; i < 12; i++) {
            int a = paneStep("A"), b = paneStep("B");
            long ta = paneTime("A"), tb = paneTime("B");
            control("step");
            page.waitFor(d -> paneStep("A") + paneStep("B") > a + b);
            if (ta < tb) assertEquals(b, paneStep("B"), "only the clock behind moves");
            if (tb < ta) assertEquals(a, paneStep("A"), "only the clock behind moves");
        }
        WebElement go = page.one("[data-role='goto']");
        go.clear();
        go.sendKeys("60\n");
        page.waitFor(d -> paneStep("A") == 60);
        bAtTheTimeOfA(c);
        assertTrue(paneTime("B") <= paneTime("A"));
        System.out.println("[lockstep] A step 60 at " + paneTime("A") + " ns; B step " + paneStep("B") + " at " + paneTime("B") + " ns");

        control("play");
        page.waitFor(d -> paneStep("A") > 90);
        control("play");
        bAtTheTimeOfA(c);
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aComparisonLinkOpensBothSidesAtItsStep() {
        page = new Page(Browser.start(profile), port);
        open("/?compare=k316-vs-k70&lock=step&step=25");
        bothAt(25);
        assertEquals("G", String.valueOf(page.script(
                "return window.blkflow.panes()[0].session.log.entries.find(e => e.t.action === 'G').t.action")));
        open("/?compare=no-such");
        page.waitFor(d -> page.one("#error").getText().contains("sq-vs-mq"));
    }
}
