package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;

// Own context, closed after the class: a browser's socket may outlive driver.quit() for a moment, and
// must not be counted by another class's session tests.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionBrowserIT {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    ChromeDriver driver;

    @AfterEach
    void quit() {
        if (driver != null) driver.quit();
    }

    @Test
    void pageDrawsTheConnectionThatTheServerGreeted() {
        driver = Browser.start(profile);
        driver.get("http://localhost:" + port + "/");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "open".equals(d.findElement(By.id("connection")).getAttribute("data-status")));
        String label = driver.findElement(By.cssSelector("#connection text")).getText();
        assertEquals("connected to blkflow", label);
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertTrue(severe.isEmpty(), "browser console errors: " + severe);
    }
}
