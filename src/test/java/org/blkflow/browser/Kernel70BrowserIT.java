package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Issue 14 in the page: a 7.0 preset loads, mq-deadline has its lane, the notes and the log follow 7.0. */
class Kernel70BrowserIT extends BrowserTest {

    @Test
    void theSataPresetDrawsTheMqDeadlineLaneAndRequestsPassThroughIt() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.preset("sata-70", "elv:0");
        assertEquals(1, page.all("#outline [data-queue='hctx:0']").size());
        assertEquals("the Linux multi-queue block layer (7.0), one transition at a time",
                page.one("[data-role='tagline']").getAttribute("textContent"), "the header names the kernel modelled");
        assertTrue(page.one("#outline").getText().contains("mq-deadline (elv:0)"), page.one("#outline").getText());
        assertTrue(page.one("#outline").getText().contains("/64 sched tags"), "the bar counts nr_requests = 2 × 32");
        int k = 0;
        while (k < 200 && !"insert".equals(page.last() == null ? null : page.last().get("kind"))) {
            page.action("step");
            page.waitForStep(++k);
        }
        assertEquals("elv:0", page.placeOfRequest(page.last().get("req")), "an inserted request is drawn in the lane");
        // Figure 3 and the narration follow 7.0: its path, and mq-deadline's insert lit and told.
        java.util.List<String> path = page.all("#functions li[data-fn]").stream().map(e -> e.getAttribute("data-fn")).toList();
        assertTrue(path.contains("blk_mq_submit_bio") && path.contains("blk_mq_flush_plug_list")
                && !path.contains("blk_mq_make_request"), "7.0's function path: " + path);
        assertEquals("blk_mq_insert_requests", page.one("#functions li[data-active]").getAttribute("data-fn"));
        assertTrue(page.one("#narration").getText().contains("dd_insert_request"), page.one("#narration").getText());
        page.playToEnd();
        assertFalse(page.one("#log").getText().contains(" S "), "7.0 traces no S");
        page.one("[data-action='show-notes']").click();
        page.waitFor(d -> page.one("#model-notes").isDisplayed());
        String notes = page.one("#model-notes").getText();
        assertTrue(notes.contains("Linux 7.0 mode") && notes.contains("Modelling choice"), notes);
        assertFalse(notes.contains("blk_mq_make_request"), "no 3.16 departure in a 7.0 run: " + notes);
        page.screenshot("kernel70-sata");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void theEditorKeepsTheKernelWhenTheScenarioIsRunAgain() {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.preset("numa-70", "hctx:3");
        assertEquals("7.0", page.one("#editor [data-field='kernel']").getAttribute("value"));
        page.setField("hwQueues", "2");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> page.all("#outline [data-queue^='hctx:']").size() == 2);
        String href = page.one("[data-role='share-link']").getAttribute("href");
        assertTrue(href.contains("kernel=7.0") && href.contains("numa=0-3/4-7") && href.contains("hw=2"),
                "the share link keeps the kernel and the nodes: " + href);
        // A fio job file is read for the editor's kernel: under 7.0 io_uring with hipri is polled io_uring.
        page.script("document.querySelector('#formats details[data-kind=fio]').open = true");
        page.one("#formats [data-text='fio']").sendKeys("[poll]\nioengine=io_uring\nhipri\nrw=randread\niodepth=4\n");
        page.one("#formats [data-import='fio']").click();
        page.waitFor(d -> "poll".equals(page.script("return document.querySelector(\"#editor [data-field='jobs[0].name']\").value")));
        assertEquals("io_uring", page.script("return document.querySelector(\"#editor [data-field='jobs[0].ioengine']\").value"));
        assertEquals(Boolean.TRUE, page.script("return document.querySelector(\"#editor [data-field='jobs[0].hipri']\").checked"));
        page.assertNoSevereConsoleErrors();
    }
}
