package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A phone, a small laptop and a keyboard: no sideways scroll, Figure 2 beside the click, Enter inspects. */
class ResponsiveBrowserIT extends BrowserTest {

    Page at(int width, int height) {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        return page.open("/").loaded();
    }

    void step(int n) {
        for (int k = 1; k <= n; k++) {
            page.action("step");
            page.waitForStep(k);
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> measure(String js, Object... args) {
        return (Map<String, Object>) page.script(js, args);
    }

    static double n(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).doubleValue();
    }

    /** Every preset at a small laptop's size, 50 steps in: the log's long lines, the lock table, dom0 and the editor's long labels stay inside. */
    @Test
    void noPresetScrollsSidewaysAtASmallLaptopSize() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        List<String> wide = new ArrayList<>();
        List<String> unplaced = new ArrayList<>();
        for (Preset p : Presets.all()) {
            page.open("/?preset=" + p.id() + "&step=50");
            page.waitFor(d -> !page.all("[data-role='preset-story'][data-preset='" + p.id() + "']").isEmpty());
            page.waitForStep(50);
            Map<String, Object> m = measure("const l = document.querySelector('.panel.left');"
                    + " return {clientWidth: document.documentElement.clientWidth,"
                    + " scrollWidth: document.documentElement.scrollWidth,"
                    + " editorClientWidth: l.clientWidth, editorScrollWidth: l.scrollWidth}");
            if (n(m, "scrollWidth") > n(m, "clientWidth")
                    || n(m, "editorScrollWidth") > n(m, "editorClientWidth")) wide.add(p.id() + " " + m);
            // Figure 1 draws every lock on what it guards (several devices: each on its own device's boxes);
            // nothing is left to the strip.
            List<String> strip = page.all("#lock-strip [data-lock]").stream().map(e -> e.getAttribute("data-lock")).toList();
            if (!strip.isEmpty()) unplaced.add(p.id() + " " + strip);
        }
        assertEquals(List.of(), wide, "presets that scroll sideways at 1024x768");
        assertEquals(List.of(), unplaced, "presets with locks in the strip above Figure 1");
    }

    /** The transport bar keeps one row on a laptop as the status grows ("step 1100 of 1,195"): no jump mid-run. */
    @Test
    void theTransportBarKeepsOneRowAsTheStatusGrows() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/?preset=xen-iometer");
        page.waitFor(d -> !page.all("[data-role='preset-story'][data-preset='xen-iometer']").isEmpty());
        int atStart = page.one("#controls").getRect().getHeight();
        WebElement go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys("1100\n");
        page.waitForStep(1100);
        page.waitFor(d -> page.one("#controls [data-role='status']").getText().startsWith("step 1100 of"));
        int later = page.one("#controls").getRect().getHeight();
        System.out.println("[controls] 1440x900 height at step 0: " + atStart + ", at 1100: " + later);
        assertEquals(atStart, later, "the bar's height does not change with the status");
        assertTrue(later < 60, "one row: " + later);
    }

    @Test
    void onAPhoneNothingScrollsSidewaysAndFigure1TakesTheWidthFromTopToBottom() throws Exception {
        at(390, 844);
        step(12);
        page.waitFor(d -> !page.all("#outline text.rq-label").isEmpty());
        Map<String, Object> m = measure("""
                const svg = document.querySelector('#outline').getBoundingClientRect();
                const box = q => document.querySelector(`#outline [data-queue="${q}"]`).getBoundingClientRect();
                return {innerWidth, clientWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth, figureWidth: svg.width,
                  figureTop: svg.top + scrollY, narrationTop: document.querySelector('#narration').getBoundingClientRect().top + scrollY,
                  editorTop: document.querySelector('#editor').getBoundingClientRect().top + scrollY,
                  cpuBottom: box('task:0').bottom, deviceBottom: box('device:0').bottom, doneTop: box('done').top};
                """);
        System.out.println("[phone] 390x844: " + m);
        assertTrue(n(m, "scrollWidth") <= n(m, "clientWidth"), "no horizontal scroll: " + m);
        assertTrue(n(m, "figureWidth") >= n(m, "clientWidth") - 20, "Figure 1 takes the width: " + m);
        assertTrue(n(m, "figureTop") < n(m, "editorTop"), "Figure 1 comes before the editor: " + m);
        assertTrue(n(m, "cpuBottom") < n(m, "deviceBottom") && n(m, "deviceBottom") <= n(m, "doneTop"),
                "CPUs on top, the device below, done under it: " + m);
        Map<String, Object> text = FigureText.measure(page);
        System.out.println("[phone] figure text: " + text);
        assertTrue(FigureText.number(text, "minFont") >= 12, "Figure 1 text on a phone: " + text);
        page.screenshot("phone-390x844");
        page.assertNoSevereConsoleErrors();
    }

    /**
     * On a phone "done" is one row under the device: a completed request sits above the count of
     * completions, not on it (red before: "2 completed" under request 1 in plug-merge, "4 completed"
     * under request 5 in busy-requeue, at step 100).
     */
    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneACompletedRequestLeavesTheCountOfCompletionsClear() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(390, 844));
        for (String preset : List.of("plug-merge", "busy-requeue")) {
            page.open("/?preset=" + preset + "&step=100");
            page.waitFor(d -> !page.all("[data-role='preset-story'][data-preset='" + preset + "']").isEmpty());
            page.waitForStep(100);
            page.waitFor(d -> !page.all("#outline rect.rq[data-place='done']").isEmpty());
            List<String> over = (List<String>) page.script(PresentationBrowserIT.TEXT_OVER_REQUEST_LABELS);
            assertEquals(List.of(), over, preset + " at step 100 on a phone");
        }
    }

    @Test
    void onASmallLaptopTheInspectorOpensBesideTheClickedRequest() throws Exception {
        at(1024, 768);
        step(12);
        WebElement rq = page.all("#outline rect.rq[data-request-id]").get(0);
        String id = rq.getAttribute("data-request-id");
        rq.click();
        page.waitFor(d -> ("req:" + id).equals(page.one("#inspector").getAttribute("data-selected")));
        Map<String, Object> m = measure("""
                const o = document.querySelector('aside.right').getBoundingClientRect();
                const r = arguments[0].getBoundingClientRect();
                return {overlay: document.querySelector('aside.right').classList.contains('overlay'),
                  left: o.left, right: o.right, top: o.top, bottom: o.bottom, innerWidth, innerHeight,
                  reqLeft: r.left, reqRight: r.right, reqTop: r.top};
                """, rq);
        System.out.println("[overlay] 1024x768: " + m);
        assertEquals(Boolean.TRUE, m.get("overlay"));
        assertTrue(n(m, "left") >= 0 && n(m, "right") <= n(m, "innerWidth") && n(m, "top") >= 0
                && n(m, "bottom") <= n(m, "innerHeight"), "the inspector is on screen: " + m);
        double gap = Math.min(Math.abs(n(m, "left") - n(m, "reqRight")), Math.abs(n(m, "right") - n(m, "reqLeft")));
        assertTrue(gap <= 24, "the inspector sits beside the request: " + m);
        assertTrue(page.one("#inspector").getText().contains("request " + id));
        page.screenshot("overlay-1024x768");
        new Actions(page.driver).sendKeys(Keys.ESCAPE).perform();
        page.waitFor(d -> !page.one("aside.right").getAttribute("class").contains("overlay"));
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void requestsAndLogLinesAreReachedByKeyboardAndSpaceOnAButtonFiresOnce() {
        at(1440, 900);
        // Space on the focused step button steps once and does not also start playing.
        page.script("document.querySelector('#controls [data-action=\"step\"]').focus()");
        new Actions(page.driver).sendKeys(Keys.SPACE).perform();
        page.waitForStep(1);
        assertFalse(Boolean.TRUE.equals(page.script("return window.blkflow.session.playing()")), "space did not also play");
        for (int k = 2; k <= 12; k++) {
            page.action("step");
            page.waitForStep(k);
        }
        WebElement group = page.all("#outline g.rq[tabindex='0']").get(0);
        String id = group.getAttribute("data-item").substring("req:".length());
        page.script("arguments[0].focus()", group);
        new Actions(page.driver).sendKeys(Keys.ENTER).perform();
        page.waitFor(d -> ("req:" + id).equals(page.one("#inspector").getAttribute("data-selected")));

        WebElement line = page.all("#log [data-seq][data-req]").get(2);
        String seq = line.getAttribute("data-seq"), req = line.getAttribute("data-req");
        assertEquals("0", line.getAttribute("tabindex"));
        page.script("arguments[0].focus()", line);
        new Actions(page.driver).sendKeys(Keys.ENTER).perform();
        page.waitForStep(Integer.parseInt(seq) + 1);
        page.waitFor(d -> ("req:" + req).equals(page.one("#inspector").getAttribute("data-selected")));
        page.assertNoSevereConsoleErrors();
    }
}
