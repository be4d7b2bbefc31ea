package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The scenario editor on a small laptop: every problem at once, empty numbers refused, edited presets custom. */
class EditorBrowserIT extends BrowserTest {

    Page at1024() {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        return page.open("/").loaded();
    }

    /** The error shown for a field: it follows the field's own label. */
    WebElement errorBeside(String field) {
        WebElement error = page.one("#editor [data-field-error='" + field + "']");
        WebElement label = error.findElement(By.xpath("preceding-sibling::label[1]"));
        assertEquals(page.one("#editor [data-field='" + field + "']"), label.findElement(By.cssSelector("[data-field]")));
        assertEquals("true", page.one("#editor [data-field='" + field + "']").getAttribute("aria-invalid"));
        return error;
    }

    @Test
    void twoBadFieldsShowTwoProblemsEachBesideItsField() throws Exception {
        at1024();
        page.setField("cpus", "0");
        page.setField("jobs[0].bs", "1000");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> page.all("#editor [data-field-error]").size() >= 2);
        assertTrue(errorBeside("cpus").getText().contains("between 1 and 64"), errorBeside("cpus").getText());
        assertTrue(errorBeside("jobs[0].bs").getText().contains("multiple of 512"), errorBeside("jobs[0].bs").getText());
        page.screenshot("editor-two-problems-1024");
        page.assertNoSevereConsoleErrors();
    }

    /** fio's long names break after an underscore where the panel is narrow, never inside a word. */
    @Test
    void aLongFieldNameBreaksAfterAnUnderscoreNotInsideAWord() {
        for (int width : new int[] {1024, 1280}) {
            page = new Page(Browser.start(profile), port);
            page.driver.manage().window().setSize(new Dimension(width, 800));
            page.open("/").loaded();
            // Each word of the label (the text between breaks) lies on one line: one client rect per text node.
            Object split = page.script("""
                    const span = [...document.querySelectorAll('#editor .field span')]
                      .find(s => s.textContent === 'thinktime_blocks');
                    const lines = [...span.childNodes].filter(n => n.nodeType === 3).map(n => {
                      const r = document.createRange(); r.selectNodeContents(n); return r.getClientRects().length; });
                    return lines.every(n => n === 1) ? null : `${span.getBoundingClientRect().width}px: ${lines}`;""");
            assertEquals(null, split, "thinktime_blocks broken inside a word at " + width + " px");
            page.driver.quit();
            page = null;
        }
    }

    @Test
    void anEmptyNumberIsAnErrorAndNothingIsLoaded() {
        at1024();
        Object before = page.script("return window.blkflow.session.loaded.scenario.queueDepth");
        page.one("#editor [data-field='queueDepth']").clear();
        page.one("#editor [data-field='jobs[0].iodepth']").clear();
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> page.all("#editor [data-field-error]").size() == 2);
        assertTrue(errorBeside("queueDepth").getText().contains("queueDepth is empty: must be a number between 1 and 10240"),
                errorBeside("queueDepth").getText());
        assertTrue(errorBeside("jobs[0].iodepth").getText().contains("empty"));
        assertEquals(before, page.script("return window.blkflow.session.loaded.scenario.queueDepth"),
                "an empty field never loads the default");
    }

    boolean shown(String field) {
        return page.one("#editor [data-field='" + field + "']").isDisplayed();
    }

    /** Only the fields that mean something for the kernel, mode, driver and engine chosen are asked for. */
    @Test
    void theEditorAsksOnlyForWhatTheChosenRunUses() {
        at1024(); // figure1: 3.16 blk-mq on null_blk, libaio
        for (String f : List.of("scheduler", "nrRequests", "device.pollQueues", "device.budget", "device.rings",
                "device.backend.cpus", "jobs[0].hipri", "jobs[0].iodepthBatch")) {
            assertTrue(!shown(f), f + " is not asked of a 3.16 blk-mq null_blk run");
        }
        assertTrue(shown("cpus") && shown("queueDepth") && shown("device.completionNs") && shown("jobs[0].iodepth"));

        new Select(page.one("#editor [data-field='kernel']")).selectByVisibleText("7.0");
        page.waitFor(d -> shown("device.pollQueues"));
        assertTrue(shown("scheduler") && shown("device.budget") && !shown("nrRequests"));
        page.setField("device.pollQueues", "1");
        new Select(page.one("#editor [data-field='jobs[0].ioengine']")).selectByVisibleText("io_uring");
        page.waitFor(d -> shown("jobs[0].hipri"));

        // Back to 3.16: the poll queues the user set are withdrawn with their field, so Load just works.
        new Select(page.one("#editor [data-field='kernel']")).selectByVisibleText("3.16");
        page.waitFor(d -> !shown("device.pollQueues"));
        assertEquals("0", page.one("#editor [data-field='device.pollQueues']").getAttribute("value"));
        new Select(page.one("#editor [data-field='device.driver']")).selectByVisibleText("xen-blkfront");
        page.waitFor(d -> shown("device.rings") && shown("device.backend.cpus"));
        new Select(page.one("#editor [data-field='jobs[0].ioengine']")).selectByVisibleText("libaio");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> "xen-blkfront".equals(page.script("return window.blkflow.session.loaded.scenario.device.driver")));
        assertEquals(List.of(), page.all("#editor [data-field-error]"));
        assertEquals(0L, ((Number) page.script("return window.blkflow.session.loaded.scenario.device.pollQueues ?? 0")).longValue());
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void anEditedPresetBecomesCustomAndLoadsUnderItsOwnName() {
        at1024();
        page.preset("plug-merge", "hctx:0");
        page.setField("queueDepth", "24");
        Select presets = new Select(page.one("#editor [data-role='presets']"));
        assertEquals("custom", presets.getFirstSelectedOption().getAttribute("value"));
        assertEquals("custom (from plug-merge)", page.one("#editor [data-field='name']").getAttribute("value"));
        assertTrue(page.one("#editor [data-role='preset-note']").getText().startsWith("Edited from the preset"));
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> "custom (from plug-merge)".equals(
                page.script("return window.blkflow.session.loaded.scenario.name")));
        assertEquals(24L, ((Number) page.script("return window.blkflow.session.loaded.scenario.queueDepth")).longValue());
        List<WebElement> errors = page.all("#editor [data-field-error]");
        assertTrue(errors.isEmpty(), "no problems left: " + errors);
        page.assertNoSevereConsoleErrors();
    }
}
