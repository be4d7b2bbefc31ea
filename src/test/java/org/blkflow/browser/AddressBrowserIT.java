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

    /** A slide can name a preset: /?preset=ID&step=K opens it there, with its story; a bad one says why. */
    @Test
    void aPresetNamedInTheAddressOpensAtItsStep() {
        page = new Page(Browser.start(profile), port).open("/?preset=kyber-70&step=12").loaded().waitForStep(12);
        assertEquals("kyber-70", page.one("#story").getAttribute("data-preset"));
        assertEquals("kyber", page.script("return window.blkflow.session.loaded.scenario.scheduler"));
        assertEquals(12, page.logSeqs().size(), "stepped there, so the log is whole");
        // The address becomes the whole share link (version, every field, the preset, the step).
        page.waitFor(d -> location().matches("/\\?v=\\d+&.*&preset=kyber-70&step=12"));
        assertEquals("", page.one("#error").getText());

        page.open("/?preset=no-such-preset").loaded();
        page.waitFor(d -> page.one("#error").getText().startsWith("preset: there is no preset \"no-such-preset\""));
        assertTrue(page.one("#error").getText().contains("kyber-70"), "names the presets there are");
        assertEquals("figure1", page.one("#story").getAttribute("data-preset"), "falls back to the default preset");

        page.open("/?preset=figure1&step=-3").loaded();
        page.waitFor(d -> page.one("#error").getText().startsWith("step: a whole number from 0 to "));

        // A step alone is that step of the preset the page opens with.
        page.open("/?step=7").loaded().waitForStep(7);
        assertEquals("figure1", page.one("#story").getAttribute("data-preset"));
        assertEquals("", page.one("#error").getText());
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
