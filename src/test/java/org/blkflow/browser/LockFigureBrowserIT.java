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
 * Figure 1 draws each lock on what it guards (queue_lock and xen's io_lock on the request_queue, dom0's
 * grant-table lock in dom0's row) with its holder and spinners, as the model says at that step (reached
 * by stepping and by a seek, which lands on the server's snapshot), at a projector's size; dom0's locks
 * are in dom0's row, clear of its labels, so the strip above the figure is empty; one element per lock
 * carries the hooks. The lock statistics sit beside the figure in the legacy and xen views, inside the
 * page; on a phone under it.
 */
class LockFigureBrowserIT extends BrowserTest {

    private static final String GRANT_TABLE = "domU grant_table->lock";

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1440, 900", "1024, 768", "390, 844"})
    void locksAreDrawnWithHolderAndSpinnersAndTheTableFitsBesideTheFigure(int width, int height) throws Exception {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        page.open("/").loaded();
        for (String[] p : new String[][] {{"legacy-contention", "queue_lock", "elv:0"}, {"xen-io-lock", "io_lock", "elv:0"},
                {"xen-iometer", GRANT_TABLE, "hctx:3"}}) {
            String preset = p[0];
            String lock = p[1];
            page.preset(preset, p[2]);
            // The preset's story can be shown a frame before its figure is drawn, and both sq presets draw elv:0:
            // wait for the model's set of locks, then compare (a timeout is reported by the comparison).
            List<String> model = inFigure(preset);
            try {
                page.waitFor(d -> model.equals(drawnLocks()));
            } catch (org.openqa.selenium.TimeoutException e) {
                // the assertion below says what is drawn instead
            }
            assertEquals(model, drawnLocks(), "every lock of the model is drawn in Figure 1");
            assertTrue(page.one("#outline [data-lock='" + lock + "']").isDisplayed());
            if (preset.startsWith("xen")) assertInDom0Row(preset);
            assertEquals(List.of(), page.all("#lock-strip [data-lock]"), "the strip holds nothing: the figure draws every lock");
            assertTrue(!page.one("#lock-strip").isDisplayed(), "and is hidden");
            List<String> hooked = page.all("[data-lock][data-holder]").stream().map(e -> e.getAttribute("data-lock")).toList();
            assertEquals(hooked.size(), hooked.stream().distinct().count(), "one element per lock carries the hooks: " + hooked);
            int[] contended = contendedSteps(preset, lock, 2);
            // Stepped there: the page applies every transition itself.
            page.script("window.blkflow.send({cmd: 'step', n: arguments[0]})", contended[0]);
            page.waitForStep(contended[0]);
            assertDrawnAsTheModelSays(preset, lock, contended[0]);
            if (width == 1440) assertReadable(lock, 12);
            // Sought past the log: the page lands on the server's snapshot and its locks.
            page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", contended[1]);
            page.waitForStep(contended[1]);
            assertDrawnAsTheModelSays(preset, lock, contended[1]);
            page.waitFor(d -> page.one("#locks-panel").isDisplayed());
            page.screenshot("locks-" + preset + "-" + width);
            assertLockTableFits(width);
            if (width == 1440) {
                page.action("present");
                // Laid out for the screen under the controls: 16 px, or the largest font from 16 to 12 that fits.
                page.waitFor(d -> !"0".equals(page.one("#outline").getAttribute("data-room")));
                int presenting = Integer.parseInt(page.one("#outline").getAttribute("data-font"));
                assertTrue(presenting >= 12 && presenting <= 16, "presenting at " + presenting + " px");
                assertDrawnAsTheModelSays(preset, lock, contended[1]);
                assertReadable(lock, presenting);
                if (preset.startsWith("xen")) assertInDom0Row(preset);
                page.screenshot("locks-" + preset + "-presenting");
                page.action("present");
            }
        }
        page.assertNoSevereConsoleErrors();
    }

    private List<String> drawnLocks() {
        return page.all("#outline [data-lock]").stream().map(e -> e.getAttribute("data-lock")).sorted().toList();
    }

    /** The model's locks, by name: the page must draw each of them in the figure. */
    private static List<String> inFigure(String preset) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        return run.lockStats().stream().map(org.blkflow.engine.LockStat::name).sorted().toList();
    }

    /**
     * dom0's locks in dom0's row: the grant table's in the row's header, right of its label and above
     * its vCPUs; each ring's blk_ring_lock inside its blkback thread, under the thread's two text lines.
     */
    private void assertInDom0Row(String preset) {
        @SuppressWarnings("unchecked")
        List<String> wrong = (List<String>) page.script("""
                const svg = document.querySelector('#outline'), r = e => e.getBoundingClientRect();
                const tab = n => r(svg.querySelector(`[data-lock="${n}"] .lock-bg`));
                const wrong = [], label = r(svg.querySelector('.dom0 .box-label'));
                const cpusTop = Math.min(...[...svg.querySelectorAll('[data-backend-cpu] rect')].map(e => r(e).top));
                const g = tab(arguments[0]), f = parseFloat(svg.dataset.font);
                if (!(g.left >= label.right - 1 && g.top >= label.top - f / 2 && g.bottom <= cpusTop + 1)) wrong.push('grant table');
                for (const t of svg.querySelectorAll('[data-blkback]')) {
                  const chip = r(t.querySelector('.blkback-chip')), state = r(t.querySelector('.blkback-state'));
                  const name = r(t.querySelector('.blkback-text')), b = tab(`blkif[${t.dataset.blkback}]->blk_ring_lock`);
                  if (!(b.left >= chip.left - 1 && b.right <= chip.right + 1 && b.top >= chip.top - 1 && b.bottom <= chip.bottom + 1
                        && b.top >= state.bottom - 1 && b.top >= name.bottom - 1)) wrong.push('blkif ' + t.dataset.blkback);
                }
                return wrong;""", GRANT_TABLE);
        assertEquals(List.of(), wrong, preset + ": dom0's locks in dom0's row, clear of its labels");
    }

    private void assertDrawnAsTheModelSays(String preset, String lock, int step) {
        LockHolders.Held expected = modelAt(preset, step).stream().filter(h -> h.lock().equals(lock)).findFirst()
                .orElseThrow();
        String tab = "#outline [data-lock='" + lock + "']";
        page.waitFor(d -> String.valueOf(expected.spinners().size()).equals(page.one(tab).getAttribute("data-spinners")));
        WebElement drawn = page.one(tab);
        assertEquals(String.valueOf(expected.holder()), drawn.getAttribute("data-holder"), preset + " at step " + step);
        assertEquals(String.valueOf(expected.spinners().size()), drawn.getAttribute("data-spinners"));
        String label = (String) page.script("return arguments[0].querySelector('.lock-text').textContent", drawn);
        String title = (String) page.script("return arguments[0].querySelector('title').textContent", drawn);
        assertTrue(label.contains("CPU " + expected.holder()), "the tab names the holder: " + label);
        // After the holder, the spinning CPUs in ticket order (on a narrow figure as bare numbers).
        String after = label.substring(label.indexOf("CPU " + expected.holder()) + ("CPU " + expected.holder()).length());
        List<Integer> spinning = java.util.regex.Pattern.compile("\\d+").matcher(after).results()
                .map(r -> Integer.parseInt(r.group())).toList();
        assertEquals(expected.spinners(), spinning, "and each spinning CPU, in ticket order: " + label);
        for (int cpu : expected.spinners()) assertTrue(title.contains(String.valueOf(cpu)), title);
    }

    /** The lock's text at least {@code px} on screen, inside the figure, not cut by its tab. */
    private void assertReadable(String lock, int px) {
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> m = (java.util.Map<String, Object>) page.script("""
                const svg = document.querySelector('#outline'), g = svg.querySelector(`[data-lock="${arguments[0]}"]`);
                const t = g.querySelector('.lock-text').getBoundingClientRect(), bg = g.querySelector('.lock-bg').getBoundingClientRect();
                const s = svg.getBoundingClientRect();
                return { font: parseFloat(getComputedStyle(g.querySelector('.lock-text')).fontSize) * s.width / svg.viewBox.baseVal.width,
                  fits: t.left >= bg.left - 1 && t.right <= bg.right + 1 && bg.left >= s.left - 1 && bg.right <= s.right + 1 && bg.top >= s.top - 1 };""",
                lock);
        assertTrue(((Number) m.get("font")).doubleValue() >= px - 0.01, lock + " at " + m);
        assertEquals(Boolean.TRUE, m.get("fits"), lock + " tab inside the figure and the text inside the tab");
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
    private static int[] contendedSteps(String preset, String lock, int n) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(preset).orElseThrow().scenario(), false);
        LockHolders holders = new LockHolders(run.lockStats().stream().map(org.blkflow.engine.LockStat::name).toList());
        int[] found = new int[n];
        int k = 0;
        int last = -100;
        for (int step = 1; k < n; step++) {
            holders.apply(run.next());
            LockHolders.Held h = holders.view().stream().filter(x -> x.lock().equals(lock)).findFirst().orElseThrow();
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
