package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.PresetStories;
import org.blkflow.scenario.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every preset, picked from the list at 1440×900: its note is shown above Figure 1 and kept in the
 * address, and the page's own log of the first 100 steps shows what the note promises.
 */
class PresetStoriesBrowserIT extends BrowserTest {

    static List<String> presets() {
        return Presets.all().stream().map(Preset::id).toList();
    }

    private Page open(String pathAndQuery) {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(1440, 900));
        return page.open(pathAndQuery);
    }

    @ParameterizedTest
    @MethodSource("presets")
    void thePresetShowsWhatItsNoteSaysWithinItsFirst100Steps(String id) {
        Preset preset = Presets.byId(id).orElseThrow();
        open("/");
        storyOf("figure1");
        if (!id.equals("figure1")) {
            new Select(page.one("#editor [data-role='presets']")).selectByValue(id);
            storyOf(id);
        }
        WebElement story = page.one("[data-role='preset-story']");
        assertTrue(story.isDisplayed(), "the note is shown above Figure 1");
        assertTrue(story.getText().contains(preset.note()), story.getText());
        // Told once: the scenario panel does not repeat the story beside it (it pushed Figure 1 down).
        assertEquals("", page.one("#editor [data-role='preset-note']").getText());

        WebElement go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys(PresetStories.STEPS + "\n");
        page.waitForStep(PresetStories.STEPS);
        PresetStories.check(id, movesInTheLog());

        // The address follows the step drawn within views/address.js's 250 ms throttle: wait for it.
        page.waitFor(d -> ((String) page.script("return location.search")).contains("&step=" + PresetStories.STEPS));
        String address = (String) page.script("return location.search");
        assertTrue(address.contains("&preset=" + id + "&"), "the address names the preset: " + address);
        assertTrue(address.endsWith("&step=" + PresetStories.STEPS), address);
        drawnAsPromised(id);
        page.assertNoSevereConsoleErrors();
    }

    /** A reopened link shows its preset's note again; its preview says it too. An edited preset is no preset. */
    @Test
    void aPresetLinkReopensWithItsNoteAndAnEditedOneWithout() {
        Preset tags = Presets.byId("tags-exhausted").orElseThrow();
        String link = org.blkflow.scenario.ScenarioLink.encode(tags.scenario(), 40);
        assertTrue(link.contains("&preset=tags-exhausted&step=40"), link);
        open(link);
        page.waitForStep(40);
        assertEquals("tags-exhausted", page.one("[data-role='preset-story']").getAttribute("data-preset"));
        assertTrue(page.one("[data-role='preset-story']").getText().contains(tags.note()));
        assertEquals("tags-exhausted", new Select(page.one("#editor [data-role='presets']")).getFirstSelectedOption()
                .getAttribute("value"));
        String og = page.one("meta[property='og:description']").getAttribute("content");
        assertTrue(og.contains(tags.note()), "the link's preview tells the story: " + og);

        page.setField("cpus", "3");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> !page.one("[data-role='preset-story']").isDisplayed());
        page.waitFor(d -> !((String) page.script("return location.search")).contains("preset="));
        assertEquals("custom", new Select(page.one("#editor [data-role='presets']")).getFirstSelectedOption()
                .getAttribute("value"));
        page.assertNoSevereConsoleErrors();
    }

    private void storyOf(String id) {
        page.waitFor(d -> id.equals(page.one("[data-role='preset-story']").getAttribute("data-preset"))
                && page.step() == 0);
    }

    @SuppressWarnings("unchecked")
    private List<PresetStories.Move> movesInTheLog() {
        List<Map<String, Object>> raw = (List<Map<String, Object>>) page.script(
                "return window.blkflow.session.log.entries.slice(0, arguments[0])"
                        + ".map(e => ({kind: e.t.kind, from: e.t.from, to: e.t.to, cpu: e.t.cpu, sectors: e.t.sectors, rwbs: e.t.rwbs, fn: e.t.fn}))",
                PresetStories.STEPS);
        return raw.stream().map(m -> new PresetStories.Move((String) m.get("kind"), (String) m.get("from"),
                (String) m.get("to"), ((Number) m.get("cpu")).intValue(), ((Number) m.get("sectors")).intValue(),
                m.get("rwbs") == null ? "" : (String) m.get("rwbs"), (String) m.get("fn"))).toList();
    }

    /** What the notes say beyond the moves: idle queues drawn idle, the contended lock in the table. */
    private void drawnAsPromised(String id) {
        switch (id) {
            case "fewer-ctx-than-hctx" -> {
                assertEquals("true", page.one("#outline g.hctx[data-hctx='2']").getAttribute("data-idle"));
                assertEquals("true", page.one("#outline g.hctx[data-hctx='3']").getAttribute("data-idle"));
                assertEquals("false", page.one("#outline g.hctx[data-hctx='1']").getAttribute("data-idle"));
            }
            case "legacy-contention" -> assertContended("queue_lock");
            case "xen-io-lock" -> assertContended("io_lock");
            case "xen-iometer" -> {
                assertContended("domU grant_table->lock");
                assertEquals(4, page.all("#outline [data-backend-cpu]").size(), "dom0's four vCPUs drawn");
                for (int n = 0; n < 4; n++) {
                    WebElement thread = page.one("#outline [data-backend-cpu='" + (4 + n) + "'] [data-blkback='" + n + "']");
                    assertEquals("sleeping", thread.getAttribute("data-status"), "blkback " + n + " asleep again by step 100");
                }
            }
            case "iometer" -> {
                // The bio-size chart counts what the log shows: more than one size, each bar a size of the mix.
                page.waitFor(d -> page.all("#block-sizes g.size").size() >= 3);
                page.all("#block-sizes g.size").forEach(g -> assertTrue(java.util.Set.of("512", "1024", "2048", "4096",
                        "8192", "16384", "32768", "65536").contains(g.getAttribute("data-bs")), g.getAttribute("data-bs")));
            }
            default -> { }
        }
    }

    private void assertContended(String lock) {
        page.waitFor(d -> !page.all("#locks tr[data-lock='" + lock + "']").isEmpty());
        long contentions = Long.parseLong(page.one("#locks tr[data-lock='" + lock + "']").getAttribute("data-contentions"));
        System.out.println("[presets] " + lock + " contentions by step 100: " + contentions);
        assertTrue(contentions > 0, lock + " contended within the first 100 steps");
    }
}
