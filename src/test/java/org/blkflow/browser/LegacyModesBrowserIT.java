package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The legacy request queue and xen-blkfront presets against the real session: their drawing and lockstat. */
class LegacyModesBrowserIT extends BrowserTest {

    @Test
    void theLegacyPresetDrawsOneRequestQueueWithElevatorAndDispatchListAndNoSoftwareQueues() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.preset("legacy-contention", "elv:0");
        assertEquals(1, page.all("#outline [data-queue='dispatch:0']").size());
        assertTrue(page.all("#outline [data-queue^='ctx:']").isEmpty(), "no blk_mq_ctx boxes on the legacy queue");
        assertTrue(page.all("#outline [data-queue^='hctx:']").isEmpty(), "no hctx boxes on the legacy queue");
        assertTrue(page.one("#functions").getText().contains("__elv_add_request"), page.one("#functions").getText());

        // Step until a request has been through the elevator: it is then drawn on the dispatch list or beyond.
        int k = 0;
        while (k < 60 && !"elv_dispatch".equals(page.last() == null ? null : page.last().get("kind"))) {
            page.action("step");
            page.waitForStep(++k);
        }
        Object req = page.last().get("req");
        assertEquals("dispatch:0", page.placeOfRequest(req));
        assertEquals("true", page.one("#functions [data-fn='blk_peek_request']").getAttribute("data-active"));
        assertTrue(page.one("#narration").getText().contains("dispatch list"), page.one("#narration").getText());
        page.screenshot("legacy-sq");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void afterTheXenPresetPlaysToTheEndTheLockTableShowsIoLockContended() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.preset("xen-io-lock", "elv:0");
        assertTrue(page.one("#outline").getText().contains("xen-blkfront"), "the driver is labelled xen-blkfront");
        // Before any lock is taken, the column beside Figure 1 says why it is empty rather than stay blank.
        page.waitFor(d -> page.one("#locks-panel").isDisplayed());
        assertEquals(1, page.all("#locks [data-empty='true']").size(), page.one("#locks-panel").getText());
        page.playToEnd();
        page.waitFor(d -> !page.all("#locks tr[data-lock='io_lock']").isEmpty());
        WebElement io = page.one("#locks tr[data-lock='io_lock']");
        assertTrue(Integer.parseInt(io.getAttribute("data-contentions")) > 0, io.getText());
        assertEquals("true", io.getAttribute("data-hottest"));
        assertTrue(page.one("#locks").getText().contains("blk_queue_bio"), "contending call sites are listed");
        assertTrue(page.one("#locks-panel").isDisplayed());
        page.screenshot("xen-locks");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void theModelNotesNameTheLoadedModesDepartures() {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.preset("bio-based", "device:0");
        page.one("[data-action='show-notes']").click();
        page.waitFor(d -> page.one("#model-notes").isDisplayed());
        String notes = page.one("#model-notes").getText();
        assertTrue(notes.contains("only Q is traced"), notes);
        List<WebElement> path = page.all("#functions li[data-fn]");
        assertEquals(List.of("generic_make_request", "null_queue_bio", "bio_endio"),
                path.stream().map(e -> e.getAttribute("data-fn")).toList());
        page.assertNoSevereConsoleErrors();
    }
}
