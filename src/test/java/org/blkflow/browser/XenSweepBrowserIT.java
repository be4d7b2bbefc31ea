package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.runs.RunReport;
import org.blkflow.runs.XenIometer;
import org.blkflow.scenario.Rings;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** "Xen: 1 ring vs 16 rings" in one click: every drawn point is the run XenIometer describes. */
class XenSweepBrowserIT extends BrowserTest {

    @Test
    void oneClickDrawsThePublishedSweepWithDom0CpuAndTheTopLockPerPoint() throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/").loaded();
        assertTrue(!page.one("#sweep [data-role='sweep-setup']").isDisplayed(), "a setup line before any Xen sweep");
        long clicked = System.nanoTime();
        page.one("#sweep [data-action='xen-sweep']").click();
        // Ten runs of up to 16,000 requests on the two sweep threads: slower than a page wait under load.
        new WebDriverWait(page.driver, Duration.ofSeconds(180))
                .until(d -> "done".equals(page.one("#sweep").getAttribute("data-state")));
        System.out.printf("[xen-sweep] click to last point drawn: %.1f s (reported, not asserted)%n",
                (System.nanoTime() - clicked) / 1e9);
        // textContent, not getText(): panel headings are upper-cased by CSS.
        assertTrue(page.one("[data-role='sweep-title']").getAttribute("textContent").startsWith("Xen: 1 ring vs 16 rings"),
                "the panel's heading names the sweep it shows");
        // Under the curves, the model's setup with its assumptions named, in the server's words.
        WebElement setup = page.one("#sweep [data-role='sweep-setup']");
        assertTrue(setup.isDisplayed(), "the Xen sweep's setup is not shown");
        assertEquals(XenIometer.setup(XenIometer.BACKEND), setup.getText());
        // The sentence spans the panel; the chart and its table stay side by side under it at 1440 px.
        assertEquals(Boolean.TRUE, page.script("const c = document.querySelector('#sweep svg.sweep-chart').getBoundingClientRect(),"
                + " t = document.querySelector('#sweep .sweep-table').getBoundingClientRect(),"
                + " s = document.querySelector('#sweep [data-role=\"sweep-setup\"]').getBoundingClientRect();"
                + " return t.left >= c.right && s.bottom <= c.top && s.bottom <= t.top"), "setup, chart and table out of place");
        // A ring layout's name is one line in the table, not "single-" over "lock".
        Object wrapped = page.script("return [...document.querySelectorAll('#sweep .sweep-table td:first-child')]"
                + ".filter(td => td.getClientRects().length && td.firstChild && (() => { const r = document.createRange();"
                + " r.selectNodeContents(td); return r.getClientRects().length > 1; })()).map(td => td.textContent)");
        assertEquals(List.of(), wrapped, "ring layouts wrapped over two lines");
        // The chart names the fields it plots, and Why blk-mq?'s own fields say they are not what is drawn.
        assertEquals("IOPS against jobs, one line per rings", page.one("#sweep svg.sweep-chart").getAttribute("aria-label"));
        assertTrue(Double.parseDouble((String) page.script("return getComputedStyle("
                + "document.querySelector('#sweep [data-role=\"vary-form\"] label')).opacity")) < 1,
                "Why blk-mq?'s lines and x fields are dimmed under the Xen sweep");
        List<WebElement> points = page.all("#sweep circle.sweep-point[data-point]");
        int n = XenIometer.RING_LAYOUTS.size() * XenIometer.JOBS.size();
        assertEquals(n, points.size());
        Map<String, Double> drawn = new HashMap<>();
        for (WebElement p : points) {
            drawn.put(p.getAttribute("data-rings") + "/" + p.getAttribute("data-jobs"), Double.parseDouble(p.getAttribute("data-iops")));
        }
        for (Rings rings : XenIometer.RING_LAYOUTS) {
            for (int jobs : XenIometer.JOBS) {
                double iops = RunReport.measure(XenIometer.scenario(rings, jobs, XenIometer.TASK_IOS)).stats().iops();
                Double shown = drawn.get(rings.label() + "/" + jobs);
                assertTrue(shown != null && Math.abs(shown - iops) <= 1e-6 * iops,
                        rings.label() + " at " + jobs + " jobs: drawn " + shown + ", the run gives " + iops);
            }
        }
        // Beside each line, dashed, what the RFC published at every point: the paper's curve from XenIometer.
        Map<String, Double> paper = new HashMap<>();
        for (WebElement p : page.all("#sweep circle.published-point")) {
            paper.put(p.getAttribute("data-rings") + "/" + p.getAttribute("data-jobs"), Double.parseDouble(p.getAttribute("data-iops")));
        }
        for (Rings rings : XenIometer.RING_LAYOUTS) {
            for (int jobs : XenIometer.JOBS) {
                assertEquals(Double.valueOf(XenIometer.published(rings, jobs)), paper.get(rings.label() + "/" + jobs),
                        rings.label() + " at " + jobs + " jobs: the published point");
            }
        }
        assertEquals(XenIometer.RING_LAYOUTS.size(), page.all("#sweep .sweep-published path.published").size());
        assertEquals(n, page.all("#sweep .sweep-table [data-role='published']").size());
        // Each point's dom0 CPU use and most contended lock, in the table beside the chart.
        String table = page.one("#sweep .sweep-table").getText();
        assertTrue(table.contains("dom0 CPU") && table.contains("grant_table->lock"), table);
        assertEquals(n, page.all("#sweep .sweep-table [data-role='dom0-cpu']").size());
        assertTrue(page.one("#sweep circle.sweep-point title").getAttribute("textContent").contains("dom0 CPU"));
        double smallest = ((Number) page.script("return Math.min(...[...document.querySelectorAll("
                + "'#sweep .sweep-table td, #sweep .sweep-table th')].map(e => parseFloat(getComputedStyle(e).fontSize)))"))
                .doubleValue();
        assertTrue(smallest >= 12, "table text " + smallest + " px at 1440x900");
        page.script("document.querySelector('#sweep').scrollIntoView()");
        page.screenshot("xen-sweep");
        page.assertNoSevereConsoleErrors();
    }
}
