package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** /?compare=<id>: two runs, A above B, in lockstep by step after step, back, seek and play. */
class ComparisonBrowserIT extends BrowserTest {

    private int paneStep(String pane) {
        String s = page.one("[data-pane='" + pane + "']").getAttribute("data-step");
        return s == null ? -1 : Integer.parseInt(s);
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
        open("/?compare=sq-vs-mq");
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
        assertTrue(page.driver.getCurrentUrl().endsWith("/?compare=sq-vs-mq&step=40"), page.driver.getCurrentUrl());

        control("play");
        page.waitFor(d -> paneStep("A") > 50 && paneStep("B") > 50);
        control("play");
        page.waitFor(d -> paneStep("A") == paneStep("B") && paneStep("A") > 50);
        int k = paneStep("A");
        control("step");
        bothAt(k + 1);

        page.waitFor(d -> !"—".equals(page.one("[data-role='delta'] [data-row='completed I/Os'] td").getText()));
        String delta = page.one("[data-role='delta'] [data-row='lock contentions'] [data-delta]").getText();
        assertTrue(delta.startsWith("−"), "blk-mq has fewer lock contentions than the single queue: " + delta);
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aComparisonLinkOpensBothSidesAtItsStep() {
        page = new Page(Browser.start(profile), port);
        open("/?compare=3.16-vs-7.0&step=25");
        bothAt(25);
        assertEquals("G", String.valueOf(page.script(
                "return window.blkflow.panes()[0].session.log.entries.find(e => e.t.action === 'G').t.action")));
        open("/?compare=no-such");
        page.waitFor(d -> page.one("#error").getText().contains("sq-vs-mq"));
    }
}
