package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.blkflow.lessons.Comparison;
import org.blkflow.lessons.Comparisons;
import org.blkflow.lessons.TimeLockstep;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * /?compare=<id>: two runs, side by side, in lockstep by virtual time (the default) and by step, after
 * step, back, seek, play and scrubbing; the charts of both runs; a link carrying two scenarios of one's own.
 * Where one pane must be for the other's moment is worked out here from the model.
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

    /** A shows B's moment (B led, from its marker strip). */
    private void aAtTheTimeOfB(Scenario a) {
        page.waitFor(d -> paneStep("A") == TimeLockstep.stepAt(a, paneTime("B"), 10_000_000));
    }

    private void scrubTo(int k) {
        page.script("const r = document.querySelector(\"#compare-controls [data-role='scrubber']\");"
                + "r.value = arguments[0]; r.dispatchEvent(new Event('change'));", k);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String param(String name) {
        String query = page.driver.getCurrentUrl().split("\\?", 2)[1];
        for (String p : query.split("&")) {
            if (p.startsWith(name + "=")) {
                return URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private long number(String js) {
        return CompareCharts.number(page, js);
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

    @Test
    void theChartsShowBothRunsEachFromItsOwnPanesCounts() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        open("/?compare=sq-vs-mq&lock=step&step=600");
        bothAt(600);
        CompareCharts.eachSeriesIsItsOwnPanesCounts(page);
        assertEquals(List.of("A", "B"), page.all("[data-chart='iops'] path.series").stream().map(e -> e.getAttribute("data-series")).toList());
        String a = page.one("[data-chart='q2c'] rect.bar[data-series='A']").getCssValue("fill");
        String b = page.one("[data-chart='q2c'] rect.bar[data-series='B']").getCssValue("fill");
        assertNotEquals(a, b, "two colours");
        String legend = page.one("[data-role='chart-legend']").getText();
        assertTrue(legend.contains("A · sq (noop)") && legend.contains("B · mq, 8 hardware queues"), legend);
        double title = ((Number) page.script("return document.querySelector(\"[data-chart='q2c'] .chart-title\").getBoundingClientRect().height")).doubleValue();
        double tick = ((Number) page.script("return document.querySelector(\"[data-chart='q2c'] .axis text\").getBoundingClientRect().height")).doubleValue();
        System.out.println("[charts] at 1440x900 a chart title is " + title + " px high, an axis label " + tick + " px");
        assertTrue(tick >= 12, "axis labels readable from the back of a room: " + tick + " px");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void scrubbingAndTheMarkersTakeBothPanesInLockstep() {
        Comparison c = Comparisons.byId("sq-vs-mq").orElseThrow();
        page = new Page(Browser.start(profile), port);
        open("/?compare=sq-vs-mq");
        page.waitFor(d -> !page.all("#compare-controls [data-role='scrubber']").isEmpty());
        WebElement scrubber = page.one("#compare-controls [data-role='scrubber']");
        page.waitFor(d -> Integer.parseInt(scrubber.getAttribute("max")) > 1000);
        scrubTo(900);
        page.waitFor(d -> paneStep("A") == 900);
        bAtTheTimeOfA(c);
        System.out.println("[scrub] A step 900 at " + paneTime("A") + " ns; B step " + paneStep("B") + " at " + paneTime("B") + " ns");

        // B leads from its own marker strip: sq-vs-mq's blk-mq side never plugs or waits, so B here runs out of tags (S)
        String a = "v=2&seed=42&mode=sq&cpus=2&dev=irq:timer&job=r,rw:randread,qd:16,engine:libaio,n:16";
        String b = "v=2&seed=42&cpus=2&hw=1&depth=4&dev=irq:timer&job=r,rw:randread,qd:16,engine:libaio,n:16";
        open("/?compare=custom&a=" + enc(a) + "&b=" + enc(b));
        page.waitFor(d -> !page.all("[data-role='markers'][data-side='B'] [data-marker='S']").isEmpty());
        List<WebElement> ticks = page.all("[data-role='markers'][data-side='B'] [data-marker='S']");
        WebElement tick = ticks.get(ticks.size() / 2);
        int k = Integer.parseInt(tick.getAttribute("data-step"));
        page.script("arguments[0].click()", tick);
        page.waitFor(d -> paneStep("B") == k);
        aAtTheTimeOfB(ScenarioLink.decode("/?" + a).scenario());
        System.out.println("[scrub] B's S marker at step " + k + " (" + paneTime("B") + " ns); A step " + paneStep("A") + " at " + paneTime("A") + " ns");

        new Select(page.one("[data-role='lockstep']")).selectByValue("step");
        WebElement scrubber2 = page.one("#compare-controls [data-role='scrubber']");
        int half = Integer.parseInt(scrubber2.getAttribute("max")) / 2;
        scrubTo(half);
        bothAt(half);
        assertTrue(page.driver.getCurrentUrl().endsWith("&lock=step&step=" + half), page.driver.getCurrentUrl());
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void oneLinkCarriesTwoScenariosOfOnesOwnAndTheStep() {
        String a = "v=2&name=Reader+on+sq&mode=sq&cpus=2&dev=irq:timer&job=r,rw:randread,qd:4,engine:libaio,n:32";
        String b = "v=2&name=Reader+on+mq&cpus=2&hw=2&dev=irq:timer&job=r,rw:randread,qd:4,engine:libaio,n:32";
        String link = "/?compare=custom&a=" + enc(a) + "&b=" + enc(b) + "&lock=step&step=30";
        page = new Page(Browser.start(profile), port);
        open(link);
        bothAt(30);
        assertEquals("Reader on sq", page.one("[data-pane='A'] .pane-label").getAttribute("textContent"));
        assertEquals("Reader on mq", page.one("[data-pane='B'] .pane-label").getAttribute("textContent"));
        assertTrue(page.one("[data-role='compare-note']").getText().contains("mode, hwQueues"), page.one("[data-role='compare-note']").getText());
        assertEquals(ScenarioLink.decode("/?" + a).scenario(), ScenarioLink.decode("/?" + param("a")).scenario());
        page.driver.navigate().refresh();
        bothAt(30);
        assertEquals("30", param("step"));

        open("/?compare=custom&a=" + enc(a) + "&b=" + enc(b.replace("cpus=2", "cpus=99")));
        page.waitFor(d -> page.one("#error").getText().contains("b.cpus = 99"));
        assertTrue(page.one("#error").getText().contains("between 1 and 64"), page.one("#error").getText());
    }

    @Test
    void editingOneSideOfAPresetMakesItYourOwnAndTheLinkReopensIt() {
        Comparison c = Comparisons.byId("plug-off-vs-on").orElseThrow();
        page = new Page(Browser.start(profile), port);
        open("/?compare=plug-off-vs-on&lock=step");
        bothAt(0);
        page.waitFor(d -> page.script("return window.blkflow.panes()[1].session.loaded") != null);
        page.script("document.querySelector(\"[data-role='edit-sides']\").open = true");
        page.one("[data-edit='B']").click();
        WebElement depth = page.one("[data-role='side-editor'] [data-field='queueDepth']");
        depth.clear();
        depth.sendKeys("8");
        page.one("[data-role='side-editor'] [data-action='load']").click();
        page.waitFor(d -> page.driver.getCurrentUrl().contains("compare=custom&a="));
        assertEquals(c.a().scenario(), ScenarioLink.decode("/?" + param("a")).scenario(), "A is kept as it was");
        Scenario edited = ScenarioLink.decode("/?" + param("b")).scenario();
        assertEquals(8, edited.queueDepth());
        assertEquals(c.b().scenario().jobs(), edited.jobs());
        page.waitFor(d -> number("return window.blkflow.panes()[1].session.loaded.scenario.queueDepth") == 8);
        for (int i = 1; i <= 3; i++) {
            control("step");
            bothAt(i);
        }
        page.driver.navigate().refresh();
        bothAt(3);
        assertEquals(8, number("return window.blkflow.panes()[1].session.loaded.scenario.queueDepth"));
        page.driver.navigate().back();
        page.waitFor(d -> page.driver.getCurrentUrl().contains("compare=plug-off-vs-on"));
        page.waitFor(d -> number("return window.blkflow.panes().length ? window.blkflow.panes()[1].session.loaded?.scenario?.queueDepth ?? 0 : 0")
                == c.b().scenario().queueDepth());
        page.assertNoSevereConsoleErrors();
    }
}
