package org.blkflow.browser;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The real server on a random port and one page in headless Chromium, quit after each test. The
 * context is dropped after the class so no browser socket outlives it into another class's counts.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class BrowserTest {

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    Page page;

    @AfterEach
    void quitPage() {
        if (page != null) page.driver.quit();
    }
}
