package org.blkflow.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page's log of a run of two null_blk devices (preset shared-tags-70) prints each line on its own
 * device, as the server's blkparse export of the same scenario does: every line of the export is in the
 * log, in the same order on each device and CPU (blkparse orders a nanosecond's events by device first,
 * the log by the stream); its device filter keeps one disk's lines.
 */
class DeviceLogBrowserIT extends BrowserTest {

    @Test
    void theLogOfTwoDevicesPrintsTheExportsLinesEachOnItsDevice() throws Exception {
        page = new Page(Browser.start(profile), port);
        page.open("/?preset=shared-tags-70");
        page.waitFor(d -> "shared-tags-70".equals(page.one("[data-role='preset-story']").getAttribute("data-preset")));
        page.playToEnd();

        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + port;
        JsonNode presets = JsonMapper.builder().build().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/presets"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode scenario = null;
        for (JsonNode p : presets) if (p.get("id").asString().equals("shared-tags-70")) scenario = p.get("scenario");
        String export = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs?format=blkparse"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(scenario.toString()))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> exported = export.lines().filter(l -> l.matches("^ *\\d+,\\d+ +\\d+ +\\d+ .*")).toList();
        // The session can say "finished" a frame before the log has drawn its last lines.
        page.waitFor(d -> page.all("#log .line[data-action]").size() >= exported.size());
        @SuppressWarnings("unchecked")
        List<String> logged = (List<String>) page.script(
                "return [...document.querySelectorAll('#log .line[data-action]')].map(e => e.textContent)");

        assertEquals(List.of("8,0 0", "8,16 1"), List.copyOf(byDeviceAndCpu(exported).keySet()),
                "nullb0's job on CPU 0, nullb1's on CPU 1");
        assertEquals(byDeviceAndCpu(exported), byDeviceAndCpu(logged));
        assertEquals(exported.size(), logged.size());

        page.one("#log [data-filter='device']").sendKeys("8,16");
        page.waitFor(d -> page.all("#log .line[data-action]").size() == byDeviceAndCpu(exported).get("8,16 1").size());
        @SuppressWarnings("unchecked")
        List<String> nullb1 = (List<String>) page.script(
                "return [...document.querySelectorAll('#log .line[data-action]')].map(e => e.textContent)");
        assertEquals(byDeviceAndCpu(exported).get("8,16 1"), nullb1, "the device filter shows nullb1's lines alone");
        page.assertNoSevereConsoleErrors();
    }

    private static Map<String, List<String>> byDeviceAndCpu(List<String> lines) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String l : lines) {
            String[] f = l.trim().split(" +");
            groups.computeIfAbsent(f[0] + " " + f[1], k -> new ArrayList<>()).add(l);
        }
        return groups;
    }
}
