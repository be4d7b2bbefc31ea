package org.blkflow.browser;

import static org.blkflow.browser.ModelSteps.firstStep;
import static org.blkflow.browser.ModelSteps.modelAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.blkflow.model.PollQueueMap;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.transition.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Figure 1 under Linux 7.0 (issue 14): at steps chosen from the model's own run, what the page draws
 * equals the model's snapshot there: the scheduler-tag and driver-tag bars, each request in
 * mq-deadline's list of its direction in sector order, kyber's per-ctx domain rows and tokens, the POLL
 * hctxs and their map, the NUMA boxes round their CPUs. Each is reached once by a seek (the page
 * lands on the server's snapshot) and again by steps (the page applies each transition itself).
 * At 1024×768 the scheduler's lists, kyber's rows and the lock tabs overlap nothing of their kind.
 */
class Figure70BrowserIT extends BrowserTest {

    private static final int STEPS_ON = 6;

    @Test
    void mqDeadlineDrawsBothTagPoolsAndEachRequestInItsDirectionsSortedList() throws Exception {
        // The preset's 32 driver tags leave its scheduler nearly empty: 4 of them (8 scheduler tags)
        // keep requests of both directions waiting there.
        open(1440, 900, "sata-70", "elv:0");
        page.setField("queueDepth", "4");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> text("#outline g.hctx[data-hctx='0'] g.tag-pool[data-pool='driver'] .tags-text").endsWith("/4 driver tags in use"));
        Scenario s = ScenarioDraft.of(scenario("sata-70")).set(ScenarioFields.QUEUE_DEPTH, 4).build();
        int k = firstStep(s, snap -> inScheduler(snap).size() >= 3 && snap.hctxs().get(0).driverTags() > 0
                && inScheduler(snap).stream().anyMatch(i -> i.rwbs().contains("W"))
                && inScheduler(snap).stream().anyMatch(i -> !i.rwbs().contains("W")), "reads and writes in the scheduler");
        atSteps(k, step -> {
            Snapshot snap = modelAt(s, step);
            assertTagBars(snap, true);
            assertDeadlineLists(snap);
        });
        assertTrue(text("#outline g.hctx[data-hctx='0'] g.tag-pool[data-pool='driver'] .tags-text")
                .endsWith("/4 driver tags in use"), "the driver tags are queueDepth's");
        page.screenshot("figure70-sata-1440");
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        page.waitFor(d -> figureWidth() < 1024);
        assertDeadlineLists(modelAt(s, page.step()));
        assertNothingOverlaps("sata-70");
        page.screenshot("figure70-sata-1024");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void kyberDrawsEachRequestInItsCpusDomainRowAndTheTokensOut() throws Exception {
        open(1440, 900, "kyber-70", "elv:0");
        Scenario s = scenario("kyber-70");
        int k = firstStep(s, snap -> inScheduler(snap).size() >= 2 && tokensOut(snap, "read") > 0, "kyber's read tokens out");
        atSteps(k, step -> {
            Snapshot snap = modelAt(s, step);
            assertTagBars(snap, true);
            for (Snapshot.Item i : inScheduler(snap)) {
                assertEquals("ctx:" + i.cpu() + "/" + (i.rwbs().contains("W") ? "write" : "read"),
                        attr("#outline rect.rq[data-request-id='" + i.id() + "']", "data-sched-list"),
                        "request " + i.id() + " at step " + step);
            }
            for (String domain : List.of("read", "write", "discard", "other")) {
                assertEquals(String.valueOf(tokensOut(snap, domain)),
                        attr("#outline g.kyber-tokens[data-domain='" + domain + "']", "data-tokens-used"), domain + " at " + step);
            }
        });
        assertEquals(List.of("256", "128", "64", "16"), page.all("#outline g.kyber-tokens").stream()
                .map(e -> e.getAttribute("data-tokens")).toList());
        page.screenshot("figure70-kyber-1440");
        // 16 CPUs on a laptop's 1024 px: narrow ctx boxes, each with its ctx lock and its kcq lock.
        page.driver.manage().window().setSize(new Dimension(1024, 768));
        page.setField("cpus", "16");
        page.one("#editor [data-action='load']").click();
        page.waitFor(d -> page.all("#outline .kyber-domain").size() == 16 * 4);
        page.waitFor(d -> page.all("#outline [data-lock^='kcq[']").size() == 16);
        assertNothingOverlaps("kyber on 16 CPUs");
        page.screenshot("figure70-kyber16-1024");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void pollQueuesAreDrawnAfterTheSubmitQueuesWithTheirMap() throws Exception {
        open(1440, 900, "poll-70", "hctx:3");
        Scenario s = scenario("poll-70");
        int submit = s.hwQueues(), all = submit + s.device().pollQueues();
        List<String> types = page.all("#outline g.hctx").stream().map(e -> e.getAttribute("data-type")).toList();
        List<String> expected = new ArrayList<>();
        for (int h = 0; h < all; h++) expected.add(h < submit ? "DEFAULT" : "POLL");
        assertEquals(expected, types);
        for (int h = submit; h < all; h++) {
            String label = page.one("#outline g.hctx[data-hctx='" + h + "'] .box-label").getText();
            assertTrue(label.contains("POLL"), label);
        }
        int[] map = PollQueueMap.of(s);
        List<String> edges = new ArrayList<>();
        for (int cpu = 0; cpu < map.length; cpu++) edges.add("ctx:" + cpu + "->hctx:" + map[cpu]);
        assertEquals(edges, page.all("#outline [data-map='poll']").stream().map(e -> e.getAttribute("data-edge")).toList());
        int k = firstStep(s, snap -> snap.items().stream().anyMatch(i -> "req".equals(i.type()) && i.hctx() >= submit), "a request on a poll queue");
        atSteps(k, step -> assertTagBars(modelAt(s, step), false));
        page.screenshot("figure70-poll-1440");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void numaNodesAreBoxesRoundTheirCpus() throws Exception {
        open(1024, 768, "numa-70", "hctx:3");
        Scenario s = scenario("numa-70");
        List<WebElement> nodes = page.all("#outline g.numa-node");
        assertEquals(s.numaNodes().size(), nodes.size());
        for (int n = 0; n < nodes.size(); n++) {
            WebElement node = nodes.get(n);
            List<Integer> cpus = s.numaNodes().get(n);
            assertEquals(String.valueOf(n), node.getAttribute("data-numa-node"));
            assertEquals(String.join(",", cpus.stream().map(String::valueOf).toList()), node.getAttribute("data-cpus"));
            assertTrue(node.getText().contains("node " + n), node.getText());
            for (int cpu : cpus) {
                assertEquals(Boolean.TRUE, page.script("""
                        const r = e => e.getBoundingClientRect();
                        const box = r(arguments[0].querySelector('.numa-box'));
                        const c = r(document.querySelector(`#outline g.cpu[data-cpu="${arguments[1]}"] rect`));
                        return c.left >= box.left && c.right <= box.right && c.top >= box.top && c.bottom <= box.bottom;""",
                        node, cpu), "CPU " + cpu + " inside node " + n);
            }
        }
        assertNothingOverlaps("numa-70");
        page.screenshot("figure70-numa-1024");
        page.assertNoSevereConsoleErrors();
    }

    @Test
    void aRequestTheDriverHandsBackWaitsOnTheRequeueListUntilTheRequeueWorkInsertsIt() throws Exception {
        open(1440, 900, "requeue-70", "requeue:0");
        Scenario s = scenario("requeue-70");
        int k = firstStep(s, snap -> !onRequeueList(snap).isEmpty(), "a request on the requeue list");
        atSteps(k, step -> {
            List<Long> waiting = onRequeueList(modelAt(s, step));
            assertEquals(waiting, idsOf("#outline rect.rq[data-place='requeue:0']"), "on q->requeue_list at step " + step);
            // Drawn inside the lane once the move's animation has ended.
            page.waitFor(d -> waiting.equals(idsOf("#outline rect.rq")
                    .stream().filter(id -> insideRequeueLane(id)).toList()));
        });
        assertTrue(!onRequeueList(modelAt(s, k)).isEmpty(), "the step checked has a request on the list");
        page.screenshot("figure70-requeue-1440");
        page.assertNoSevereConsoleErrors();
    }

    private List<Long> idsOf(String css) {
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) page.script(
                "return [...document.querySelectorAll(arguments[0])].map(r => Number(r.getAttribute('data-request-id')))", css);
        return ids.stream().map(o -> ((Number) o).longValue()).sorted().toList();
    }

    private boolean insideRequeueLane(long id) {
        return Boolean.TRUE.equals(page.script("""
                const lane = document.querySelector("#outline rect[data-queue='requeue:0']").getBoundingClientRect();
                const b = document.querySelector(`#outline rect.rq[data-request-id='${arguments[0]}']`).getBoundingClientRect();
                return b.left >= lane.left && b.right <= lane.right && b.top >= lane.top && b.bottom <= lane.bottom;""", id));
    }

    private static List<Long> onRequeueList(Snapshot snap) {
        return snap.items().stream().filter(i -> "req".equals(i.type()) && "requeue:0".equals(String.valueOf(i.place())))
                .map(Snapshot.Item::id).sorted().toList();
    }

    private void open(int width, int height, String preset, String queue) {
        page = new Page(Browser.start(profile), port);
        page.driver.manage().window().setSize(new Dimension(width, height));
        page.open("/").loaded();
        page.preset(preset, queue);
    }

    private long figureWidth() {
        return ((Number) page.script("return document.querySelector('#outline').getBoundingClientRect().width")).longValue();
    }

    /**
     * Checks step k reached by a seek (the page lands on the server's snapshot), then a few steps on
     * reached by stepping (the page applies each transition itself).
     */
    private void atSteps(int k, IntConsumer check) {
        page.script("window.blkflow.send({cmd: 'seek', step: arguments[0]})", k);
        page.waitForStep(k);
        check.accept(k);
        page.script("window.blkflow.send({cmd: 'step', n: arguments[0]})", STEPS_ON);
        page.waitForStep(k + STEPS_ON);
        check.accept(k + STEPS_ON);
    }

    /** Read in the page at once: the figure redraws its elements as the stream moves. */
    private String attr(String css, String name) {
        return String.valueOf(page.script("return document.querySelector(arguments[0])?.getAttribute(arguments[1])", css, name));
    }

    private String text(String css) {
        return String.valueOf(page.script("return document.querySelector(arguments[0])?.textContent", css));
    }

    private static Scenario scenario(String preset) {
        return Presets.byId(preset).orElseThrow().scenario();
    }



    private static List<Snapshot.Item> inScheduler(Snapshot snap) {
        return snap.items().stream().filter(i -> "req".equals(i.type()) && "elv:0".equals(String.valueOf(i.place()))).toList();
    }

    /** kyber's tokens out: every live request past the scheduler holds one (kyber_dispatch_request to the free). */
    private static long tokensOut(Snapshot snap, String domain) {
        return snap.items().stream().filter(i -> "req".equals(i.type()))
                .filter(i -> String.valueOf(i.place()).matches("(hctx|driver|device):\\d+|done"))
                .filter(i -> domain.equals(i.rwbs().contains("W") ? "write" : "read")).count();
    }

    private void assertTagBars(Snapshot snap, boolean twoPools) {
        int step = page.step();
        for (Snapshot.HctxState h : snap.hctxs()) {
            String g = "#outline g.hctx[data-hctx='" + h.hctx() + "'] ";
            page.waitFor(d -> String.valueOf(h.tagsUsed()).equals(attr(g + "g.tag-pool", "data-used")));
            assertEquals(twoPools ? "sched" : "tags", attr(g + "g.tag-pool", "data-pool"));
            assertEquals(String.valueOf(h.tagsUsed()), attr(g + "g.tag-pool", "data-used"), "hctx " + h.hctx() + " at " + step);
            assertEquals(twoPools ? 1 : 0, page.all(g + "g.tag-pool[data-pool='driver']").size());
            if (twoPools) {
                assertEquals(String.valueOf(h.driverTags()), attr(g + "g.tag-pool[data-pool='driver']", "data-used"),
                        "driver tags of hctx " + h.hctx() + " at step " + step);
            }
        }
    }

    /** Each request in its direction's list; left to right, row by row, in sector order; FIFO numbers 1..n. */
    @SuppressWarnings("unchecked")
    private void assertDeadlineLists(Snapshot snap) {
        for (String dir : List.of("read", "write")) {
            List<Snapshot.Item> expected = inScheduler(snap).stream()
                    .filter(i -> i.rwbs().contains("W") == dir.equals("write"))
                    .sorted(Comparator.comparingLong(Snapshot.Item::sector)).toList();
            List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.script("""
                    return [...document.querySelectorAll(`#outline rect.rq[data-sched-list="${arguments[0]}"]`)].map(e => {
                      const r = e.getBoundingClientRect();
                      return { id: Number(e.dataset.requestId), x: r.left, y: r.top, fifo: Number(e.dataset.fifo) };
                    });""", dir);
            drawn.sort(Comparator.<Map<String, Object>>comparingDouble(m -> Math.round(((Number) m.get("y")).doubleValue()))
                    .thenComparingDouble(m -> ((Number) m.get("x")).doubleValue()));
            assertEquals(expected.stream().map(Snapshot.Item::id).toList(),
                    drawn.stream().map(m -> ((Number) m.get("id")).longValue()).toList(), dir + "s in sector order at " + page.step());
            assertEquals(java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toList(),
                    drawn.stream().map(m -> ((Number) m.get("fifo")).longValue()).sorted().toList(), dir + " FIFO numbers");
        }
    }

    /** Lanes of the scheduler, lock tabs, hctx boxes and NUMA boxes: no two of a kind overlap. */
    @SuppressWarnings("unchecked")
    private void assertNothingOverlaps(String what) {
        List<String> overlaps = (List<String>) page.script("""
                const kinds = {lanes: '#outline .sched-list, #outline .kyber-domain, #outline g.kyber-tokens',
                  tabs: '#outline .lock-bg', hctxs: '#outline g.hctx > rect.queue-box', numa: '#outline .numa-box',
                  pools: '#outline g.tag-pool'};
                const out = [];
                for (const [kind, css] of Object.entries(kinds)) {
                  const els = [...document.querySelectorAll(css)].filter(e => e.getBoundingClientRect().width > 0);
                  const rs = els.map(e => e.getBoundingClientRect());
                  for (let i = 0; i < rs.length; i++) for (let j = i + 1; j < rs.length; j++) {
                    const a = rs[i], b = rs[j];
                    if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                      out.push(`${kind}: ${els[i].outerHTML.slice(0, 90)} / ${els[j].outerHTML.slice(0, 90)}`);
                  }
                }
                return out;""");
        assertEquals(List.of(), overlaps, what);
    }
}
