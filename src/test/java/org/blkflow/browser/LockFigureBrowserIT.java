package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Presets;
import org.blkflow.transition.LockHolders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Figure 1 draws each lock with its holder and spinners, as the model says at that step (reached by
 * stepping and by a seek, which lands on the server's snapshot), and the lock statistics sit beside
 * the figure in the legacy and xen views, inside the page; on a phone they stack under it.
 */
class LockFigureBrowserIT extends BrowserTest {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1440, 900", "1024, 768", "390, 844"})
    void locksAreDrawnWithHolderAndSpinnersAndTheTableFitsBesideTheFigure(int width, int height) throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        page.open("/").loaded();
        for (String[] p : new String[][] {{"legacy-contention", "queue_lock"}, {"xen-io-lock", "io_lock"}}) {
            String preset = p[0];
            String lock = p[1];
            page.preset(preset, "elv:0");
            List<String> drawn = page.all("#lock-strip [data-lock]").stream().map(e -> e.getAttribute("data-lock")).toList();
            // The legacy queue has its one queue_lock; xen's io_lock comes first, dom0's blkback locks beside it.
            assertEquals(lock, drawn.get(0), "the driver's own lock is drawn first: " + drawn);
            assertEquals(preset.startsWith("xen") ? 3 : 1, drawn.size(), "and only the run's locks: " + drawn);
            int[] contended = contendedSteps(preset, 2);
            // Stepped there: the page applies every transition itself.
            page.script("window.blkflow.send({cmd: 'step', n: arguments[0]})", contended[0]);
            page.waitForStep(contended[0]);
            assertDrawnAsTheModelSays(preset, lock, contended[0]);
            // Sought past the log: the page lands on the server's snapshot and its locks.
            page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", contended[1]);
            page.waitForStep(contended[1]);
            assertDrawnAsTheModelSays(preset, lock, contended[1]);
            page.waitFor(d -> page.one("#locks-panel").isDisplayed());
            page.screenshot("locks-" + preset + "-" + width);
            assertLockTableFits(width);
        }
        page.assertNoSevereConsoleErrors();
    }

    private void assertDrawnAsTheModelSays(String preset, String lock, int step) {
        LockHolders.Held expected = modelAt(preset, step).stream().filter(h -> h.lock().equals(lock)).findFirst()
                .orElseThrow();
        page.waitFor(d -> String.valueOf(expected.spinners().size())
                .equals(page.one("#lock-strip [data-lock='" + lock + "']").getAttribute("data-spinners")));
        WebElement chip = page.one("#lock-strip [data-lock='" + lock + "']");
        assertEquals(String.valueOf(expected.holder()), chip.getAttribute("data-holder"), preset + " at step " + step);
        assertEquals(String.valueOf(expected.spinners().size()), chip.getAttribute("data-spinners"));
        assertTrue(chip.getText().contains("CPU " + expected.holder()), chip.getText());
        for (int cpu : expected.spinners()) assertTrue(chip.getText().contains("CPU " + cpu), chip.getText());
    }

    /** Beside Figure 1 and inside the window on a laptop; under it on a phone; never a sideways scroll. */
    private void assertLockTableFits(int width) {
        WebElement figure = page.one(".panel.figure");
        WebElement table = page.one("#locks-panel");
        long pageWidth = ((Number) page.script("return document.documentElement.scrollWidth")).longValue();
        long viewport = ((Number) page.script("return document.documentElement.clientWidth")).longValue();
        assertTrue(pageWidth <= viewport, "no sideways scroll: " + pageWidth + " > " + viewport);
        int right = table.getRect().getX() + table.getRect().getWidth();
        assertTrue(right <= viewport, "the table ends inside the page: " + right + " > " + viewport);
        long tableScroll = ((Number) page.script("const t = document.querySelector('#locks');"
                + " return t.scrollWidth - t.clientWidth")).longValue();
        assertTrue(tableScroll <= 1, "the table is not cut: it scrolls by " + tableScroll + " px");
        if (width > 700) {
            assertTrue(table.getRect().getX() >= figure.getRect().getX() + figure.getRect().getWidth(),
                    "the table is beside the figure");
            assertEquals(figure.getRect().getY(), table.getRect().getY(), 2, "and level with it");
        } else {
            assertTrue(table.getRect().getY() >= figure.getRect().getY() + figure.getRect().getHeight(),
                    "on a phone the table is under the figure");
        }
    }

    /** The first steps, from 20 on, where the model shows the lock held with CPUs spinning. */
    private static int[] contendedSteps(String preset, int n) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        LockHolders holders = new LockHolders(run.lockStats().stream().map(org.blkflow.engine.LockStat::name).toList());
        int[] found = new int[n];
        int k = 0;
        int last = -100;
        for (int step = 1; k < n; step++) {
            holders.apply(run.next());
            LockHolders.Held h = holders.view().get(0);
            // The second is well past the first, so reaching it is a seek beyond the page's log.
            if (step >= 20 && step - last > 40 && h.holder() >= 0 && !h.spinners().isEmpty()) {
                found[k++] = step;
                last = step;
            }
        }
        return found;
    }

    private static List<LockHolders.Held> modelAt(String preset, int step) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        LockHolders holders = new LockHolders(run.lockStats().stream().map(org.blkflow.engine.LockStat::name).toList());
        for (int i = 0; i < step; i++) holders.apply(run.next());
        return holders.view();
    }
}
