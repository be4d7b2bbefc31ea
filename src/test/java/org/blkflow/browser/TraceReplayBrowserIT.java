package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.blkflow.trace.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * A real trace (null_blk on 252,0, traced on CPUs 29 and 43 of a bigger machine) replayed as it was
 * recorded: its device in the log, its two CPUs drawn under their numbers, narration that claims
 * nothing the trace does not say, and a share link that says it cannot be shared.
 */
class TraceReplayBrowserIT extends BrowserTest {

    static final String TRACE = "linux-block_blktrace-cleanup-v3_nullblk_schedulers_requeue.blkparse.txt";

    @Test
    void aRealTraceIsShownAsItWasRecorded() throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        page.open("/").loaded();
        String text = Files.readString(TestData.real("blkparse/" + TRACE));
        page.script("document.querySelector('#formats details[data-kind=trace]').open = true;"
                + "document.querySelector(\"#formats [data-text='trace']\").value = arguments[0];", text);
        page.one("#formats [data-import='trace']").click();
        page.waitFor(d -> page.script("return window.blkflow.session.loaded && window.blkflow.session.loaded.trace") != null);
        page.waitFor(d -> page.all("#outline g.cpu[data-cpu]").size() == 2);

        List<String> cpus = page.all("#outline g.cpu[data-cpu]").stream().map(e -> e.getAttribute("data-cpu")).toList();
        assertEquals(List.of("29", "43"), cpus, "only the CPUs the trace used");
        String figure = page.one("#outline").getText();
        assertTrue(figure.contains("CPU 29") && figure.contains("CPU 43"), figure);
        assertFalse(figure.contains("CPU 0"), "no column for a CPU the trace never used");
        int width = page.one("#outline g.cpu[data-cpu='29'] rect").getRect().getWidth();
        System.out.println("[trace] CPU column width at 1440x900: " + width + " px");
        assertTrue(width > 200, "two compacted columns, not 44 slivers: " + width);

        WebElement share = page.one("[data-role='share-link']");
        assertNull(share.getAttribute("href"));
        assertTrue(share.getText().contains("cannot be shared"), share.getText());
        assertTrue(share.getAttribute("title").contains("share the blkparse file"), share.getAttribute("title"));

        for (int k = 1; k <= 40; k++) {
            page.action("step");
            page.waitForStep(k);
            String said = page.one("#narration .narr-text").getText();
            assertFalse(said.contains("3.16") || said.contains("tag -1") || said.contains("fires"), "step " + k + ": " + said);
            if (page.last().get("action") != null) {
                assertTrue(said.startsWith("The trace recorded " + page.last().get("action")), "step " + k + ": " + said);
            }
        }
        page.script("window.blkflow.send({cmd: 'step', n: 400})");
        page.waitFor(d -> Boolean.TRUE.equals(page.script("return !!window.blkflow.session.status.finished")));
        @SuppressWarnings("unchecked")
        List<String> lines = (List<String>) page.script("return window.blkflow.session.log.entries.map(e => e.text)");
        assertTrue(lines.stream().filter(l -> !l.startsWith(" ")).allMatch(l -> l.startsWith("252,0 ")),
                "every blkparse line names the trace's device: " + lines.get(0));
        assertTrue(lines.stream().noneMatch(l -> l.contains("tag -1") || l.contains("3.16")), "log notes");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("252,0   43 ")), "CPU 43's events keep their number");
        WebElement requeue = page.all("#log [data-action='R']").get(0);
        assertTrue(requeue.getAttribute("title").contains("error code"), "an R line says its brackets hold the error");
        page.assertNoSevereConsoleErrors();
    }
}
