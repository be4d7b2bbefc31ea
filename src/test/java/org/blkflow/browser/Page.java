package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The blkflow page as the browser tests drive it: waits, hooks and evidence, in one place. */
final class Page {

    final ChromeDriver driver;
    private final String base;

    Page(ChromeDriver driver, int port) {
        this.driver = driver;
        this.base = "http://localhost:" + port;
    }

    Page open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
        waitFor(d -> "open".equals(d.findElement(By.id("connection")).getAttribute("data-status")));
        return this;
    }

    void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** Waits until the session has loaded a scenario and drawn its queues. */
    Page loaded() {
        waitFor(d -> !d.findElements(By.cssSelector("#outline [data-queue^='hctx:']")).isEmpty());
        return this;
    }

    /** Picks a preset from the editor's list (which loads it) and waits until its queues are drawn. */
    Page preset(String id, String drawnQueue) {
        new org.openqa.selenium.support.ui.Select(one("#editor [data-role='presets']")).selectByValue(id);
        // The server names the preset it loaded: a queue both the old and the new scenario draw is not enough.
        waitFor(d -> id.equals(one("[data-role='preset-story']").getAttribute("data-preset")));
        waitFor(d -> !d.findElements(By.cssSelector("#outline [data-queue='" + drawnQueue + "']")).isEmpty());
        return this;
    }

    /** Plays at the fastest speed until the session says the run is finished. */
    Page playToEnd() {
        script("const r = document.querySelector('#controls [data-role=\"speed\"]'); r.value = r.max;"
                + " r.dispatchEvent(new Event('input'));");
        action("play");
        waitFor(d -> Boolean.TRUE.equals(script("return !!window.blkflow.session.status.finished")));
        return this;
    }

    /** The step the controls show; -1 while they show none (the page is opening or loading a run). */
    int step() {
        String step = driver.findElement(By.id("controls")).getAttribute("data-step");
        return step == null || step.isEmpty() ? -1 : Integer.parseInt(step);
    }

    Page waitForStep(int k) {
        waitFor(d -> step() == k);
        return this;
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement one(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks a control bar button: step, back, play, reset. */
    void action(String name) {
        one("#controls [data-action='" + name + "']").click();
    }

    /** The last transition the page applied, as the server sent it. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> last() {
        return (java.util.Map<String, Object>) script("return window.blkflow.session.last");
    }

    String placeOfRequest(Object id) {
        List<WebElement> els = all("#outline rect.rq[data-request-id='" + id + "']");
        return els.isEmpty() ? null : els.get(0).getAttribute("data-place");
    }

    /** Every drawn request and where it is drawn, for comparing two browsers. */
    java.util.Map<String, String> requestPlaces() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (WebElement e : all("#outline rect.rq[data-request-id]")) {
            out.put(e.getAttribute("data-request-id"), e.getAttribute("data-place"));
        }
        return out;
    }

    void setField(String field, String value) {
        WebElement input = one("#editor [data-field='" + field + "']");
        input.clear();
        input.sendKeys(value);
    }

    List<String> logSeqs() {
        return all("#log [data-seq]").stream().map(e -> e.getAttribute("data-seq")).toList();
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("project.basedir", "."), "target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    void assertNoSevereConsoleErrors() {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser console errors: " + severe);
    }
}
