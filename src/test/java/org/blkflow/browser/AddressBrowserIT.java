package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The address bar is the state: the share link at the step drawn; reload and back restore it. */
class AddressBrowserIT extends BrowserTest {

    String location() {
        return (String) page.script("return location.pathname + location.search");
    }

    String shareLink() {
        String href = page.one("[data-role='share-link']").getAttribute("href");
        return href.substring(href.indexOf('/', "http://".length()));
    }

    @Test
    void locationFollowsTheStepDrawnAndReloadAndBackRestoreIt() throws Exception {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        for (int k = 1; k <= 5; k++) {
            page.action("step");
            page.waitForStep(k);
        }
        page.waitFor(d -> "5".equals(page.one("[data-role='current-step']").getText()));
        page.waitFor(d -> location().equals(shareLink()));
        assertTrue(location().contains("step=5"), location());
        assertTrue(page.driver.getTitle().contains("· step 5 ·"), page.driver.getTitle());
        String atFive = location();

        page.open(atFive).loaded().waitForStep(5);
        assertEquals("5", page.one("[data-role='current-step']").getText());
        assertEquals(5, page.logSeqs().size(), "the reloaded page stepped there, so its log is whole");
        // The address follows the drawn step on the next frame: wait for it rather than race it.
        page.waitFor(d -> location().equals(atFive));

        page.preset("tags-exhausted", "hctx:0");
        page.waitFor(d -> location().matches(".*[?&]depth=4(&.*)?$"));
        assertNotEquals(atFive, location());
        page.driver.navigate().back();
        page.waitForStep(5);
        page.waitFor(d -> location().equals(atFive));
        assertEquals("Figure 1: blk-mq in outline",
                page.script("return window.blkflow.session.loaded.scenario.name"));
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void theCurrentStepIsTheStepDrawn() {
        page = new Page(Browser.start(profile), port).open("/").loaded();
        WebElement go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys("40\n");
        page.waitForStep(40);
        page.waitFor(d -> "40".equals(page.one("[data-role='current-step']").getText()));
        assertEquals(String.valueOf(page.script("return window.blkflow.session.state.step")),
                page.one("[data-role='current-step']").getText());
        assertEquals("39", page.one("#narration").getAttribute("data-seq"), "the narration tells the transition drawn last");
    }
}
