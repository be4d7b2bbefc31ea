package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.SysfsCpuMap;
import org.blkflow.trace.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * /?compare=trace: a real null_blk trace (A) beside blkflow's model of its workload (B), the model
 * described by a fio job file and the real 128-CPU sysfs map (cut to the CPUs the model runs). Their
 * latency histograms and counts sit side by side; the share link says the trace cannot travel in it.
 */
class TraceBesideModelBrowserIT extends BrowserTest {

    static final String TRACE = "linux-block_blktrace-cleanup-v3_nullblk_schedulers_requeue.blkparse.txt";
    static final String SYSFS = "sysfs/linux-block_hang-on-sync_sdb_128cpu_16hctx_cpu_list.txt";

    private long number(String js) {
        return CompareCharts.number(page, js);
    }

    private String cell(String row, int column) {
        return page.all("[data-role='delta'] [data-row='" + row + "'] td").get(column).getText();
    }

    @Test
    void aRealTraceAndItsModelShowTheirHistogramsAndCountsSideBySide() throws Exception {
        String trace = Files.readString(TestData.real("blkparse/" + TRACE));
        String fio = Files.readString(TestData.fio("nullblk-udev-writes.fio"));
        String sysfs = Files.readString(TestData.real(SYSFS));
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.driver.get("http://localhost:" + port + "/?compare=trace");
        page.waitFor(d -> !page.all("[data-action='compare-trace']").isEmpty());
        page.script("const set = (k, v) => { document.querySelector(`[data-text='${k}']`).value = v; };"
                + "set('trace', arguments[0]); set('fio', arguments[1]); set('sysfs', arguments[2]);", trace, fio, sysfs);
        page.one("[data-action='compare-trace']").click();
        page.waitFor(d -> Boolean.TRUE.equals(page.script(
                "const p = window.blkflow.panes(); return p.length === 2 && !!p[0].session.loaded && !!p[1].session.loaded")));

        assertTrue(page.script("return window.blkflow.panes()[0].session.loaded.trace") != null, "A replays the trace");
        int[] map = SysfsCpuMap.parse(sysfs);
        assertEquals(44, number("return window.blkflow.panes()[1].session.loaded.scenario.cpus"), "B runs the CPUs the fio job names (0-43)");
        @SuppressWarnings("unchecked")
        List<Long> modelMap = (List<Long>) page.script("return window.blkflow.panes()[1].session.loaded.scenario.mapping");
        assertEquals(Arrays.stream(map, 0, 44).boxed().map(Long::valueOf).toList(), modelMap, "B on the machine's own CPU map");
        assertEquals(map.length, number("return window.blkflow.panes()[0].session.loaded.topology.cpuToHctx.length"), "A drawn on the same map");
        String note = page.one("[data-role='compare-note']").getText();
        assertTrue(note.contains("first 44 of 128 CPUs"), note);

        WebElement share = page.one("[data-role='share-link']");
        assertNull(share.getAttribute("href"));
        assertTrue(share.getText().contains("cannot be shared"), share.getText());
        assertTrue(share.getAttribute("title").contains("blkparse file"), share.getAttribute("title"));

        // both runs to their ends, then compare what each counted
        new Select(page.one("[data-role='lockstep']")).selectByValue("step");
        WebElement go = page.one("[data-role='goto']");
        go.clear();
        go.sendKeys("100000\n");
        page.waitFor(d -> Boolean.TRUE.equals(page.script("return window.blkflow.panes().every(p => p.session.status.finished && p.session.stats)")));
        ImportedTrace recorded = TestData.importReal(TRACE);
        page.waitFor(d -> !"—".equals(cell("bios queued (Q)", 0)) && !"—".equals(cell("bios queued (Q)", 1)));
        assertEquals(String.valueOf(recorded.actions().get("Q")), cell("bios queued (Q)", 0), "A counts the trace's Q's");
        assertEquals("5", cell("bios queued (Q)", 1), "B queues the fio job's five writes");
        System.out.println("[trace vs model] Q " + cell("bios queued (Q)", 0) + " / " + cell("bios queued (Q)", 1)
                + ", D " + cell("requests issued (D)", 0) + " / " + cell("requests issued (D)", 1)
                + ", merges " + cell("merges (M + F)", 0) + " / " + cell("merges (M + F)", 1)
                + ", Q2C p50 " + cell("Q2C p50", 0) + " / " + cell("Q2C p50", 1)
                + ", D2C p50 " + cell("D2C p50", 0) + " / " + cell("D2C p50", 1));

        CompareCharts.eachSeriesIsItsOwnPanesCounts(page);
        String legend = page.one("[data-role='chart-legend']").getText();
        assertTrue(legend.contains("A · trace") && legend.contains("B · Model of the traced workload"), legend);
        // the model is edited beside the trace: B reloads, the trace stays, and still no link can carry it
        page.script("document.querySelector(\"[data-role='edit-sides']\").open = true");
        assertTrue(page.one("[data-edit='A']").getAttribute("disabled") != null, "a trace has no scenario to edit");
        page.one("[data-edit='B']").click();
        WebElement depth = page.one("[data-role='side-editor'] [data-field='queueDepth']");
        depth.clear();
        depth.sendKeys("4");
        page.one("[data-role='side-editor'] [data-action='load']").click();
        page.waitFor(d -> number("return window.blkflow.panes()[1].session.loaded.scenario.queueDepth") == 4);
        assertTrue(page.script("return window.blkflow.panes()[0].session.loaded.trace") != null);
        assertTrue(page.driver.getCurrentUrl().endsWith("/?compare=trace"), page.driver.getCurrentUrl());
        assertTrue(page.one("[data-role='share-link']").getText().contains("cannot be shared"));
        page.script("document.querySelector(\"[data-role='edit-sides']\").open = false; window.scrollTo(0, 0)");
        page.screenshot("trace-beside-model");
        page.script("document.querySelector(\"[data-role='compare-charts']\").scrollIntoView()");
        page.screenshot("trace-beside-model-charts");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aFileTheServerRefusesIsNamedAndNothingIsCompared() {
        page = new Page(Browser.start(profile), port);
        page.driver.get("http://localhost:" + port + "/?compare=trace");
        page.waitFor(d -> !page.all("[data-action='compare-trace']").isEmpty());
        page.script("document.querySelector(\"[data-text='trace']\").value = '  8,0    0        1     0.000000000  1000  Q   R 2048 + 8 [fio]';"
                + "document.querySelector(\"[data-text='fio']\").value = '[job]\\nrw=randread\\niodepth=99999';");
        page.one("[data-action='compare-trace']").click();
        page.waitFor(d -> page.one("[data-role='setup-error']").getText().startsWith("fio: "));
        assertTrue(page.one("[data-role='setup-error']").getText().contains("iodepth"), page.one("[data-role='setup-error']").getText());
        assertEquals(0L, number("return window.blkflow.panes().length"));
    }
}
