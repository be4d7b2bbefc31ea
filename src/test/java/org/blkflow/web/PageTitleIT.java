package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A shared link previews as its scenario: the server-rendered title, description and og tags name it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageTitleIT {

    @LocalServerPort
    int port;

    String html(String query) throws Exception {
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        return res.body();
    }

    static String find(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), "no match for " + regex + " in page head");
        return m.group(1);
    }

    @Test
    void aLinkNamesItsScenarioInTitleDescriptionAndOpenGraph() throws Exception {
        String page = html("?v=1&name=Figure%201&cpus=4&hw=2&job=fio,rw:randwrite,bs:4k");
        assertEquals("Figure 1 — 4 CPUs, 2 hardware queues · blkflow", find(page, "<title>([^<]*)</title>"));
        assertEquals("Figure 1 — 4 CPUs, 2 hardware queues · blkflow",
                find(page, "<meta property=\"og:title\" content=\"([^\"]*)\""));
        String description = find(page, "<meta name=\"description\" content=\"([^\"]*)\"");
        assertTrue(description.contains("Figure 1 on 4 CPUs, 2 hardware queues, job fio."), description);
        assertEquals(description, find(page, "<meta property=\"og:description\" content=\"([^\"]*)\""));
    }

    /** Version 2 leaves out what equals the defaults: the title still counts them. */
    @Test
    void aShortLinkIsTitledWithTheDefaultsItLeftOut() throws Exception {
        String page = html("?v=2&name=tags&hw=2&preset=tags-exhausted");
        assertEquals("tags — 4 CPUs, 2 hardware queues · blkflow", find(page, "<title>([^<]*)</title>"));
        String description = find(page, "<meta name=\"description\" content=\"([^\"]*)\"");
        assertTrue(description.contains("the task runs the queue and sleeps (S)"), "the preset's note: " + description);
    }

    @Test
    void junkNumbersAreLeftOutAndMarkupIsEscaped() throws Exception {
        String page = html("?v=1&name=%3Cb%3Eraid%3C/b%3E&cpus=many&hw=1");
        assertEquals("&lt;b&gt;raid&lt;/b&gt; — 1 hardware queue · blkflow", find(page, "<title>([^<]*)</title>"));
    }

    @Test
    void withoutALinkTheTitleIsGeneric() throws Exception {
        String page = html("");
        assertEquals("blkflow — the Linux multi-queue block layer, step by step", find(page, "<title>([^<]*)</title>"));
        assertTrue(page.contains("rel=\"icon\""), "favicon link kept");
    }
}
