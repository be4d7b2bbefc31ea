package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/**
 * Several null_blk devices in one 7.0 run (device.count 2): Figure 1 lays out one request_queue, so the
 * page says so in its place instead of drawing nullb1's requests in nullb0's boxes, at a seek and
 * while stepping, and the run goes on in the log; a one-device scenario loaded after it draws its
 * queues again.
 */
class Devices70BrowserIT extends BrowserTest {

    @Test
    void severalDevicesAreRefusedByTheFigureNotDrawnWrong() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        page.open("/").loaded();
        new Select(page.one("#editor [data-role='presets']")).selectByValue("shared-tags-70");
        page.waitFor(d -> "shared-tags-70".equals(page.one("[data-role='preset-story']").getAttribute("data-preset")));
        page.waitFor(d -> !d.findElements(By.cssSelector("#outline [data-role='figure-refused']")).isEmpty());
        var refused = page.one("#outline [data-role='figure-refused']");
        assertEquals("2", refused.getAttribute("data-devices"));
        assertTrue(refused.getText().contains("nullb1"), refused.getText());
        page.script("window.blkflow.send({cmd: 'seek', step: 40})");
        page.waitForStep(40);
        assertNothingDrawn();
        page.script("window.blkflow.send({cmd: 'step', n: 5})");
        page.waitForStep(45);
        assertNothingDrawn();
        Number textWidth = (Number) page.script("return document.querySelector('#outline [data-role=figure-refused]')"
                + ".getBBox().width");
        Number figureWidth = (Number) page.script("return document.querySelector('#outline').viewBox.baseVal.width");
        assertTrue(textWidth.doubleValue() <= figureWidth.doubleValue() * 1.5, "the message is one readable line: "
                + textWidth + " of " + figureWidth);
        page.assertNoSevereConsoleErrors();
        page.preset("requeue-70", "hctx:0");
        assertTrue(page.driver.findElements(By.cssSelector("#outline [data-role='figure-refused']")).isEmpty(),
                "one device: Figure 1 is drawn again");
    }

    private void assertNothingDrawn() {
        assertEquals(0L, page.script("return [...document.querySelectorAll('#outline [data-queue]')]"
                + ".filter(e => e.checkVisibility()).length"), "no queue box shown");
        assertEquals(0, page.driver.findElements(By.cssSelector("#outline rect.rq")).size(), "no request drawn");
        assertTrue(page.driver.findElements(By.cssSelector("#outline [data-role='figure-refused']")).size() == 1);
    }
}
