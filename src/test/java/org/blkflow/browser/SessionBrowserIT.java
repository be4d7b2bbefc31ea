package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The page against the real session over the WebSocket: stepping, stepping back, links, the editor. */
// Own context, closed after the class: a browser's socket may outlive driver.quit() for a moment, and
// must not be counted by another class's session tests.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionBrowserIT {

    /** Kinds that move a request between two places the outline draws. */
    static final Set<String> VISIBLE_MOVES = Set.of("insert", "flush_ctx", "issue", "queue_rq");

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    @TempDir
    Path secondProfile;

    Page page;
    Page second;

    @AfterEach
    void quit() {
        if (page != null) page.driver.quit();
        if (second != null) second.driver.quit();
    }

    Page open(Path profileDir, String pathAndQuery) {
        return new Page(Browser.start(profileDir), port).open(pathAndQuery).loaded();
    }

    @Test
    void eachStepAddsOneLogLineAndMovesTheRequestAndBackUndoesBoth() throws Exception {
        page = open(profile, "/");
        assertEquals(0, page.step());
        assertTrue(page.logSeqs().isEmpty());
        Map<String, Object> moved = null;
        int k = 0;
        while (moved == null && k < 300) {
            page.action("step");
            page.waitForStep(++k);
            List<String> seqs = page.logSeqs();
            assertEquals(k, seqs.size(), "one log line per transition");
            assertEquals(String.valueOf(k - 1), seqs.get(k - 1));
            Map<String, Object> last = page.last();
            if (VISIBLE_MOVES.contains((String) last.get("kind"))) moved = last;
        }
        assertNotNull(moved, "no request moved between queues within 300 steps");
        Object req = moved.get("req");
        String to = (String) moved.get("to");
        page.waitFor(d -> to.equals(page.placeOfRequest(req)));
        page.screenshot("session-stepped");

        page.action("back");
        page.waitForStep(k - 1);
        assertEquals(k - 1, page.logSeqs().size());
        String from = (String) moved.get("from");
        page.waitFor(d -> from.equals(page.placeOfRequest(req)));
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void keysStepAndGoBackAndAClickedLogLineSeeksThere() {
        page = open(profile, "/");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(page.driver);
        for (int i = 1; i <= 6; i++) {
            keys.sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
            page.waitForStep(i);
        }
        keys.sendKeys(org.openqa.selenium.Keys.ARROW_LEFT).perform();
        page.waitForStep(5);
        assertEquals(5, page.logSeqs().size());
        page.one("#log [data-seq='1']").click();
        page.waitForStep(2);
        assertEquals(List.of("0", "1"), page.logSeqs());
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void playingAtFullSpeedKeepsEveryTransitionInTheLogAndTheCounters() throws Exception {
        page = open(profile, "/");
        page.script("const s = document.querySelector('[data-role=speed]'); s.value = s.max;"
                + "s.dispatchEvent(new Event('input'));");
        page.action("play");
        page.waitFor(d -> page.one("#controls [data-role='status']").getText().contains("finished"));
        long steps = ((Number) page.script("return window.blkflow.session.state.step")).longValue();
        assertTrue(steps > 100, "figure1 runs more than 100 transitions, got " + steps);
        assertEquals(steps, ((Number) page.script("return window.blkflow.session.log.length")).longValue());
        assertEquals(String.valueOf(steps - 1), page.logSeqs().get(page.logSeqs().size() - 1));
        long completions = ((Number) page.script(
                "return window.blkflow.session.log.entries.filter(e => e.t.action === 'C').length")).longValue();
        page.waitFor(d -> String.valueOf(completions).equals(page.one("[data-counter='completed']").getText()));
        assertTrue(page.all("#outline rect.rq[data-request-id]").isEmpty(), "a finished run leaves no request");
        page.script("window.scrollTo(0, document.body.scrollHeight)");
        page.screenshot("finished-run-bottom");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aSharedLinkOpensOnTheSameStepWithTheSameLogAndPicture() {
        page = open(profile, "/");
        WebElement go = page.one("#controls [data-role='goto']");
        go.clear();
        go.sendKeys("25\n");
        page.waitForStep(25);
        String href = page.one("[data-role='share-link']").getAttribute("href");
        assertTrue(href.contains("step=25"), href);
        List<String> log = page.all("#log [data-seq]").stream().map(WebElement::getText).toList();

        second = open(secondProfile, href.substring(href.indexOf('/', "http://".length())));
        second.waitForStep(25);
        assertEquals(log, second.all("#log [data-seq]").stream().map(WebElement::getText).toList());
        second.waitFor(d -> page.requestPlaces().equals(second.requestPlaces()));
        page.assertNoSevereConsoleErrors();
        second.assertNoSevereConsoleErrors();
    }

    @Test
    void sixCpusOnFourHardwareQueuesLeaveOneIdleInAFreshBrowser() throws Exception {
        page = open(profile, "/");
        page.setField("cpus", "6");
        page.setField("hwQueues", "4");
        page.setField("mapping", "kernel");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> page.all("#outline [data-queue^='ctx:']").size() == 6);
        assertEquals(4, page.all("#outline [data-queue^='hctx:']").size());
        assertEquals("3", page.one("#outline g.hctx[data-idle='true']").getAttribute("data-hctx"));
        page.screenshot("six-cpus-four-hctx-editor");
        String href = page.one("[data-role='share-link']").getAttribute("href");
        assertTrue(href.contains("cpus=6") && href.contains("hw=4"), href);

        second = open(secondProfile, href.substring(href.indexOf('/', "http://".length())));
        second.waitFor(d -> second.all("#outline [data-queue^='ctx:']").size() == 6);
        assertEquals(4, second.all("#outline [data-queue^='hctx:']").size());
        List<WebElement> idle = second.all("#outline g.hctx[data-idle='true']");
        assertEquals(1, idle.size());
        assertEquals("3", idle.get(0).getAttribute("data-hctx"));
        second.screenshot("six-cpus-four-hctx");
        second.assertNoSevereConsoleErrors();
    }

    @Test
    void choosingAPresetLoadsIt() {
        page = open(profile, "/");
        List<WebElement> options = page.all("#editor [data-role='presets'] option:not([value=''])");
        assertFalse(options.isEmpty(), "no presets offered");
        WebElement other = options.get(options.size() - 1);
        String id = other.getAttribute("value");
        @SuppressWarnings("unchecked")
        Map<String, Object> preset = (Map<String, Object>) page.script(
                "return fetch('/api/presets').then(r => r.json()).then(l => l.find(p => p.id === arguments[0]))", id);
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = (Map<String, Object>) preset.get("scenario");
        new org.openqa.selenium.support.ui.Select(page.one("#editor [data-role='presets']")).selectByValue(id);
        // Only blk-mq draws hardware queues; the legacy and bio-based modes have none.
        boolean mq = "mq".equals(scenario.getOrDefault("mode", "mq"));
        // Linux 7.0's poll queues are hardware queues after the submit queues, drawn with them.
        @SuppressWarnings("unchecked")
        Map<String, Object> device = (Map<String, Object>) scenario.getOrDefault("device", Map.of());
        // Several 7.0 devices: each has its hardware queues (SeveralDevicesBrowserIT).
        int devices = ((Number) device.getOrDefault("count", 1)).intValue();
        int hw = mq ? devices * (((Number) scenario.getOrDefault("hwQueues", 1)).intValue()
                + ((Number) device.getOrDefault("pollQueues", 0)).intValue()) : 0;
        page.waitFor(d -> page.all("#outline [data-queue^='hctx:']").size() == hw
                && page.all("#outline g.request-queue").size() == (devices > 1 ? devices : 0)
                && String.valueOf(scenario.get("name")).equals(
                        page.script("return window.blkflow.session.loaded && window.blkflow.session.loaded.scenario.name")));
        assertEquals(0, page.step());
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aBackMergedBioDisappearsIntoItsPluggedRequest() throws Exception {
        page = open(profile, "/");
        new org.openqa.selenium.support.ui.Select(page.one("#editor [data-role='presets']")).selectByValue("plug-merge");
        page.waitFor(d -> "plug-merge".equals(page.script(
                "return document.querySelector('#editor [data-role=presets]').value")) && page.step() == 0
                && page.all("#outline [data-queue^='hctx:']").size() == 1);
        Map<String, Object> merge = null;
        for (int k = 1; merge == null && k < 100; k++) {
            page.action("step");
            page.waitForStep(k);
            if ("backmerge".equals(page.last().get("kind"))) merge = page.last();
        }
        assertNotNull(merge, "plug-merge never back-merged");
        Object bio = merge.get("bio");
        Object req = merge.get("req");
        page.waitFor(d -> page.all("#outline circle.bio[data-bio-id='" + bio + "']").isEmpty());
        assertTrue(page.placeOfRequest(req).startsWith("plug:"), page.placeOfRequest(req));
        page.script("document.querySelector(`#outline rect.rq[data-request-id='${arguments[0]}']`)"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))", req);
        page.waitFor(d -> ("req:" + req).equals(page.one("#inspector").getAttribute("data-selected")));
        assertTrue(page.one("#inspector").getText().contains(String.valueOf(bio)));
        page.screenshot("plug-merge");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void anInvalidFieldShowsTheServersMessageBesideIt() {
        page = open(profile, "/");
        page.setField("jobs[0].bs", "1000");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> !page.all("#editor .field-error").isEmpty());
        WebElement error = page.one("#editor .field-error");
        assertEquals("jobs[0].bs", error.getAttribute("data-error-for"));
        assertFalse(error.getText().isBlank());
        WebElement input = page.one("#editor [data-field='jobs[0].bs']");
        assertEquals("true", input.getAttribute("aria-invalid"));
        WebElement label = error.findElement(By.xpath("preceding-sibling::label[1]"));
        assertEquals(input, label.findElement(By.cssSelector("[data-field]")));
        page.assertNoSevereConsoleErrors();
    }
}
