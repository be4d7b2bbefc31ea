package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Why blk-mq?" sweep streamed into its chart, the run downloads and the fio import, in the page. */
class SweepAndFormatsBrowserIT extends BrowserTest {

    @Test
    void whyBlkMqDrawsTenPointsAndBlkMqEndsAboveTheSingleQueue() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.one("#sweep [data-action='sweep']").click();
        page.waitFor(d -> "done".equals(page.one("#sweep").getAttribute("data-state")));
        assertEquals(10, page.all("#sweep circle.sweep-point").size());
        assertEquals("10/10 points", page.one("#sweep [data-role='sweep-status']").getText());
        assertEquals(5, page.all("#sweep [data-series='sq'] circle").size());
        assertEquals(5, page.all("#sweep [data-series='mq'] circle").size());
        // The chart's y grows upwards: at 16 CPUs blk-mq's point is drawn higher than the single queue's.
        double sq16 = Double.parseDouble(page.one("#sweep [data-series='sq'] circle:last-of-type").getAttribute("cy"));
        double mq16 = Double.parseDouble(page.one("#sweep [data-series='mq'] circle:last-of-type").getAttribute("cy"));
        assertTrue(mq16 < sq16, "mq above sq at 16 CPUs: cy " + mq16 + " vs " + sq16);
        assertTrue(page.one("#sweep .sweep-table").getText().contains("queue_lock"), "top lock per point");
        page.script("document.querySelector('#sweep').scrollIntoView()");
        page.screenshot("sweep");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void bothDownloadsProduceTheServersBytesAndAFioFileFillsTheJobs() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        for (String format : new String[] {"blkparse", "blktrace"}) {
            page.script("window.blkflow.lastDownload = null");
            page.one("#formats [data-download='" + format + "']").click();
            page.waitFor(d -> page.script("return window.blkflow.lastDownload && window.blkflow.lastDownload.format")
                    != null);
            @SuppressWarnings("unchecked")
            Map<String, Object> dl = (Map<String, Object>) page.script("return window.blkflow.lastDownload");
            assertEquals(format, dl.get("format"));
            long size = ((Number) dl.get("size")).longValue();
            assertTrue(size > 0, format + " download is empty");
            // The same request from the page's own fetch: the blob has exactly the server's bytes.
            Object same = page.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch('/api/runs?format=' + arguments[0], {method: 'POST', headers: {'Content-Type': 'application/json'},
                      body: JSON.stringify(window.blkflow.session.loaded.scenario)}).then(r => r.blob()).then(b => done(b.size));
                    """, format);
            assertEquals(size, ((Number) same).longValue(), format);
        }
        page.script("document.querySelector('#formats details[data-kind=fio]').open = true");
        page.one("#formats [data-text='fio']").sendKeys("[global]\nioengine=libaio\niodepth=4\nzonemode=none\n[reader]\nrw=randread\nbs=8k\n");
        page.one("#formats [data-import='fio']").click();
        // The editor redraws its jobs, so the fields are read by script rather than held as elements.
        page.waitFor(d -> "reader".equals(page.script("return document.querySelector(\"#editor [data-field='jobs[0].name']\").value")));
        assertEquals("8192", page.script("return document.querySelector(\"#editor [data-field='jobs[0].bs']\").value"));
        assertTrue(page.one("#formats [data-role='formats-note']").getText().contains("zonemode"),
                page.one("#formats [data-role='formats-note']").getText());

        page.assertNoSevereConsoleErrors();
        // A refused upload: Chromium logs the 400 itself, so this part comes after the console check.
        page.script("document.querySelector('#formats details[data-kind=trace]').open = true");
        page.one("#formats [data-text='trace']").sendKeys("this is not blkparse\n");
        page.one("#formats [data-import='trace']").click();
        page.waitFor(d -> !page.one("#formats [data-role='formats-error']").getText().isEmpty());
        assertTrue(page.one("#formats [data-role='formats-error']").getText().contains("blkparse"));
    }

    @Test
    void anUploadedBlkparseTraceIsReplayedInTheSession() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        // The page's own run as blkparse text is a real trace to upload.
        page.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/runs?format=blkparse', {method: 'POST', headers: {'Content-Type': 'application/json'},
                  body: JSON.stringify(window.blkflow.session.loaded.scenario)}).then(r => r.text()).then(t => {
                    document.querySelector('#formats details[data-kind=trace]').open = true;
                    document.querySelector("#formats [data-text='trace']").value = t;
                    done(t.length);
                  });
                """);
        page.one("#formats [data-import='trace']").click();
        page.waitFor(d -> page.script("return window.blkflow.session.loaded && window.blkflow.session.loaded.trace") != null);
        assertEquals("", page.one("#formats [data-role='formats-error']").getText());
        page.action("step");
        page.waitForStep(1);
        assertEquals("Q", page.last().get("action"));
        assertTrue(page.driver.getTitle().startsWith("trace "), page.driver.getTitle());
        page.assertNoSevereConsoleErrors();
    }

    /** The README's picture: the default page part-way through Figure 1, the whole page in one image. */
    @Test
    void screenshotOfTheDefaultPage() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        page.one("#sweep [data-action='sweep']").click();
        page.waitFor(d -> "done".equals(page.one("#sweep").getAttribute("data-state")));
        page.script("window.blkflow.send({cmd: 'step', n: 90})");
        page.waitForStep(90);
        // A viewport as tall as the page, so one capture holds all of it; the side panels follow the viewport's
        // height, so the page is measured again after each change.
        for (int i = 0; i < 3; i++) {
            long height = ((Number) page.script("return document.documentElement.scrollHeight")).longValue();
            page.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1400,
                    "height", (int) Math.min(height, 4000), "deviceScaleFactor", 1, "mobile", false));
        }
        page.script("window.scrollTo(0, 0)");
        Thread.sleep(400);
        Path shot = page.screenshot("default-page");
        assertTrue(Files.size(shot) > 10_000);
        page.assertNoSevereConsoleErrors();
    }
}
