package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.ScenarioLink;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The scrubber spans the whole run from load, with markers; a click on a marker or anywhere seeks there. */
class TimelineBrowserIT extends BrowserTest {

    private Page at(int width, int height, String pathAndQuery) {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        return page.open(pathAndQuery);
    }

    @Test
    void theScrubberSpansTheWholeRunAndItsMarkersSeek() {
        long length = runLength("busy-requeue");
        at(1440, 900, ScenarioLink.encode(Presets.byId("busy-requeue").orElseThrow().scenario())).loaded();
        WebElement scrubber = page.one("#controls [data-role='scrubber']");
        page.waitFor(d -> String.valueOf(length).equals(scrubber.getAttribute("max")));
        assertEquals(0, page.step(), "nobody has stepped yet, and the scrubber already reaches the end");
        assertTrue(page.one("[data-role='run-length']").getText().contains("of " + length));
        page.waitFor(d -> !page.all("[data-role='markers'] [data-marker='R']").isEmpty());
        for (String kind : List.of("R", "stop", "start")) {
            assertFalse(page.all("[data-role='markers'] [data-marker='" + kind + "']").isEmpty(), kind + " marked");
        }

        WebElement requeue = page.all("[data-role='markers'] [data-marker='R']").get(1);
        int at = Integer.parseInt(requeue.getAttribute("data-step"));
        requeue.click();
        page.waitForStep(at);
        assertEquals("requeue", page.last().get("kind"), "at a requeue marker the last move drawn is the requeue");
        assertEquals(String.valueOf(at), scrubber.getAttribute("value"));

        // Anywhere else on the strip: the step under the pointer, three quarters along.
        WebElement strip = page.one("[data-role='markers']");
        int width = strip.getRect().getWidth();
        page.script("arguments[0].replaceChildren()", strip);
        new Actions(page.driver).moveToElement(strip, width / 4, 0).click().perform();
        long target = Math.round(0.75 * length);
        page.waitFor(d -> Math.abs(page.step() - target) <= length / width + 2);
        System.out.println("[timeline] strip " + width + " px, clicked at 3/4 of " + length + " steps: step " + page.step());
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void whileTheRunIsMeasuredThePageSaysHowFarItGot() {
        at(1440, 900, "/").loaded();
        page.waitFor(d -> page.one("[data-role='run-length']").getText().startsWith("of "));
        page.script("window.blkflow.receive({type: 'timeline', done: false, scanned: 1234567, limit: 10000000})");
        page.waitFor(d -> page.one("[data-role='run-length']").getText().contains("measuring the run: 1,234,567 steps"));
        assertTrue(page.all("[data-role='markers'] [data-marker]").isEmpty(), "no markers until the run is known");
    }

    @Test
    void onAPhoneTheMarkersFitAndNothingScrollsSideways() {
        at(390, 844, ScenarioLink.encode(Presets.byId("tags-exhausted").orElseThrow().scenario())).loaded();
        page.waitFor(d -> !page.all("[data-role='markers'] [data-marker='S']").isEmpty());
        WebElement strip = page.one("[data-role='markers']");
        assertTrue(strip.getRect().getWidth() > 100, "the strip is usable: " + strip.getRect().getWidth());
        Number scroll = (Number) page.script("return document.scrollingElement.scrollWidth - innerWidth");
        assertTrue(scroll.intValue() <= 0, "sideways scroll of " + scroll + " px");
        WebElement sleep = page.all("[data-role='markers'] [data-marker='S']").get(0);
        int at = Integer.parseInt(sleep.getAttribute("data-step"));
        sleep.click();
        page.waitForStep(at);
        assertEquals("sleeprq", page.last().get("kind"));
    }

    private static long runLength(String preset) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        long n = 0;
        while (run.next() != null) n++;
        return n;
    }
}
