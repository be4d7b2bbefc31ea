package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10: the picture never contradicts the model. Stepping one transition at a time through the
 * presets where tags run out, at every S for a tag the hctx's tag bar must show every tag in use:
 * the narration says "no free tag", and so must Figure 1. (The first three S of each are checked.)
 */
class TagBarBrowserIT extends BrowserTest {

    private static final Pattern USED = Pattern.compile("(\\d+)/(\\d+)");
    private static final int MAX_STEPS = 120;

    @ParameterizedTest
    @ValueSource(strings = {"tags-exhausted", "busy-requeue"})
    void atEverySleepForATagTheTagBarShowsEveryTagInUse(String preset) {
        page = new Page(Browser.start(profile), port).open("/").loaded().preset(preset, "hctx:0");
        int sleeps = 0;
        for (int k = 1; k <= MAX_STEPS; k++) {
            page.action("step");
            page.waitForStep(k);
            Map<String, Object> last = page.last();
            if (last == null) break;
            if (!"sleeprq".equals(last.get("kind"))) continue;
            sleeps++;
            String hctx = String.valueOf(((Number) last.get("hctx")).intValue());
            String css = "#outline g.hctx[data-hctx='" + hctx + "'] .tags-text";
            page.waitFor(d -> full(page.one(css).getText()));
            Matcher m = USED.matcher(page.one(css).getText());
            assertTrue(m.find(), "tag bar text: " + page.one(css).getText());
            assertEquals(m.group(2), m.group(1), preset + " step " + k + ": S with " + m.group(0) + " tags in use");
            Number used = (Number) page.script("const g = document.querySelector(\"#outline g.hctx[data-hctx='" + hctx
                    + "']\"); return g.querySelector('.tags-used').getBBox().width / g.querySelector('.tags-free')"
                    + ".getBBox().width;");
            assertEquals(1.0, used.doubleValue(), 1e-6, preset + " step " + k + ": the bar is not full");
            if (sleeps == 3) break;
        }
        // tags-exhausted is the preset whose story is the S; busy-requeue's first steps are about BUSY
        // and may reach no S, and then there is nothing to contradict.
        if (preset.equals("tags-exhausted")) assertTrue(sleeps > 0, preset + " must reach an S within " + MAX_STEPS + " steps");
        page.assertNoSevereConsoleErrors();
    }

    private static boolean full(String text) {
        Matcher m = USED.matcher(text);
        return m.find() && m.group(1).equals(m.group(2));
    }
}
