package org.blkflow.browser;

import static org.blkflow.browser.ModelSteps.firstStep;
import static org.blkflow.browser.ModelSteps.modelAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

/**
 * Figure 1 with several 7.0 null_blk devices (preset shared-tags-70: nullb0 and nullb1 on one shared tag
 * set): each device's request_queue is a group of its own (data-device), and at a step where requests
 * sit on both devices every request is drawn at the place the model's snapshot (and the page's own
 * state) puts it, inside the group of that place's device and outside the other's; the shared set's
 * bar counts what each device's hctx holds. Checked where a link lands (the server's snapshot) and
 * again after steps the page applies itself, at 1440×900 and 1024×768, with no sideways scroll.
 */
class SeveralDevicesBrowserIT extends BrowserTest {

    private static final String PRESET = "shared-tags-70";
    private static final int STEPS_ON = 5;

    @Test
    void eachRequestIsDrawnInsideItsOwnDevicesQueue() throws Exception {
        Scenario s = Presets.byId(PRESET).orElseThrow().scenario();
        int k = firstStep(s, snap -> devicesHolding(s, snap).containsAll(List.of(0, 1)), "requests on both devices");
        for (Dimension size : List.of(new Dimension(1440, 900), new Dimension(1024, 768))) {
            page = new Page(Browser.start(profile), port);
            page.driver.manage().window().setSize(size);
            page.open("/?preset=" + PRESET + "&step=" + k);
            page.waitForStep(k);
            assertEquals(List.of("0", "1"), page.all("#outline g.request-queue").stream()
                    .map(e -> e.getAttribute("data-device")).toList(), "a group per device");
            assertEquals(1, page.all("#outline g.request-queue[data-device='1'] g.hctx[data-hctx='1']").size(),
                    "nullb1's hctx (hctx 1) is in nullb1's group");
            assertEquals(1, page.all("#outline g.request-queue[data-device='1'] [data-queue='ctx:3']").size(),
                    "nullb1's ctx for CPU 1 (ctx 3) is in nullb1's group");
            assertDrawnWhereTheModelHasThem(s, k);
            assertSharedTagSet(modelAt(s, k));
            page.script("window.blkflow.send({cmd: 'step', n: arguments[0]})", STEPS_ON);
            page.waitForStep(k + STEPS_ON);
            assertDrawnWhereTheModelHasThem(s, k + STEPS_ON);
            assertSharedTagSet(modelAt(s, k + STEPS_ON));
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) page.script("""
                    const svg = document.querySelector('#outline');
                    return {scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
                      shown: svg.getBoundingClientRect().width, laidOut: svg.viewBox.baseVal.width,
                      font: getComputedStyle(svg.querySelector('.box-label')).fontSize};""");
            assertTrue(n(m, "scrollWidth") <= n(m, "clientWidth"), "no sideways scroll at " + size + ": " + m);
            assertTrue(Math.abs(n(m, "shown") - n(m, "laidOut")) <= 1, "drawn at one unit per CSS pixel: " + m);
            assertEquals("12px", m.get("font"), "the figure's font");
            if (size.width == 1440) assertInspectorNamesTheDevice();
            page.screenshot("several-devices-" + size.width);
            page.assertNoSevereConsoleErrors();
            page.driver.quit();
        }
        page = new Page(Browser.start(profile), port);
        page.open("/?preset=" + PRESET).loaded();
        page.preset("requeue-70", "requeue:0");
        assertEquals(0, page.all("#outline g.request-queue").size(), "one device: no device groups");
    }

    /**
     * Every live request of the model is drawn once, at its place, and lies inside the group of the
     * device that place belongs to and outside every other device's; the CPUs' and done belong to none.
     */
    @SuppressWarnings("unchecked")
    private void assertDrawnWhereTheModelHasThem(Scenario s, int step) {
        List<Snapshot.Item> requests = modelAt(s, step).items().stream().filter(i -> "req".equals(i.type())).toList();
        assertTrue(requests.size() >= 2, "requests to check at step " + step);
        for (Snapshot.Item r : requests) {
            String place = String.valueOf(r.place());
            int device = deviceOf(s, place);
            if (device >= 0) assertEquals(device, r.dev(), "the snapshot's dev of request " + r.id() + " at " + place);
            List<Object> expected = device < 0 ? List.of() : List.of(String.valueOf(device));
            // A moving request is checked once its move's animation has ended (or the wait gives up).
            settle(() -> {
                Map<String, Object> w = where(r.id());
                return w != null && place.equals(w.get("place")) && expected.equals(w.get("inside")) && expected.equals(w.get("touches"));
            });
            Map<String, Object> w = where(r.id());
            assertTrue(w != null, "request " + r.id() + " drawn at step " + step);
            assertEquals(place, w.get("place"), "request " + r.id() + " drawn at its place at step " + step);
            assertEquals(place, w.get("statePlace"), "the page's state agrees with the model for request " + r.id());
            List<Object> in = (List<Object>) w.get("inside");
            List<Object> touches = (List<Object>) w.get("touches");
            assertEquals(expected, in, "request " + r.id() + " at " + place + " inside the group of nullb" + device + " at step " + step);
            assertEquals(expected, touches, "request " + r.id() + " at " + place + " touches no other device's group");
        }
        assertEquals(requests.size(), page.all("#outline rect.rq").size(), "one element per live request at step " + step);
    }

    /** A request's element: its place, the page's state's place, the device groups it lies in and touches. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> where(long id) {
        return (Map<String, Object>) page.script("""
                const rq = document.querySelector(`#outline rect.rq[data-request-id='${arguments[0]}']`);
                if (!rq) return null;
                const b = rq.getBoundingClientRect();
                const groups = [...document.querySelectorAll('#outline g.request-queue')];
                const inside = g => { const r = g.getBoundingClientRect();
                  return b.left >= r.left - 0.5 && b.right <= r.right + 0.5 && b.top >= r.top - 0.5 && b.bottom <= r.bottom + 0.5; };
                const touches = g => { const r = g.getBoundingClientRect();
                  return b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom; };
                const item = window.blkflow.session.state.items.get('req:' + arguments[0]);
                return { place: rq.dataset.place, statePlace: item ? item.place : null,
                  inside: groups.filter(inside).map(g => g.dataset.device),
                  touches: groups.filter(touches).map(g => g.dataset.device) };""", id);
    }

    /**
     * Figure 2 for nullb1's boxes: its ctx 3 is CPU 1's, mapped to hctx 1; its hctx 1 is its hctx 0, which
     * the CPU map gives both CPUs.
     */
    private void assertInspectorNamesTheDevice() {
        page.script("document.querySelector(\"#outline [data-queue='ctx:3']\").dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        page.waitFor(d -> page.one("#inspector").getText().contains("ctx 3"));
        String ctx = page.one("#inspector").getText();
        assertTrue(ctx.contains("nullb1") && ctx.contains("CPU 1") && ctx.contains("hctx 1"), ctx);
        page.script("document.querySelector(\"#outline g.hctx[data-hctx='1'] rect.queue-box\").dispatchEvent(new MouseEvent('click', {bubbles: true}))");
        page.waitFor(d -> page.one("#inspector").getText().contains("hctx 1"));
        String hctx = page.one("#inspector").getText();
        assertTrue(hctx.contains("nullb1") && hctx.contains("0, 1"), hctx);
    }

    /** Waits up to 10 s for a condition and goes on either way: the assertions after it say what is wrong. */
    private void settle(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The one shared set (one hctx per device): its use is what each device's hctx holds, summed; its
     * active queues and fair share are the model's snapshot's, with a mark on the bar every share short of its end.
     */
    private void assertSharedTagSet(Snapshot snap) {
        int sum = 0;
        for (Snapshot.HctxState h : snap.hctxs()) {
            String share = "#outline g.tag-set[data-tag-set='0'] rect.tag-share[data-device='" + h.hctx() + "']";
            page.waitFor(d -> String.valueOf(h.tagsUsed()).equals(page.script(
                    "return document.querySelector(arguments[0])?.getAttribute('data-used')", share)));
            sum += h.tagsUsed();
        }
        assertEquals(String.valueOf(sum), page.one("#outline g.tag-set[data-tag-set='0']").getAttribute("data-used"));
        assertEquals("12", page.one("#outline g.tag-set[data-tag-set='0']").getAttribute("data-depth"));
        Snapshot.TagShare share = snap.hctxs().get(0).share();
        assertTrue(share.users() > 0, "the step is past the first tag_busy: " + share);
        var set = page.one("#outline g.tag-set[data-tag-set='0']");
        assertEquals(List.of(String.valueOf(share.users()), String.valueOf(share.share())),
                List.of(set.getAttribute("data-active-queues"), set.getAttribute("data-fair-share")), "active queues, share");
        long inside = java.util.stream.IntStream.rangeClosed(1, share.users()).filter(k -> k * share.share() < 12).count();
        assertEquals(inside, page.all("#outline g.tag-set[data-tag-set='0'] line.share-mark").size(), "a mark every share");
        assertTrue(set.getText().contains(share.users() + " active, share " + share.share() + " each")
                || share.users() == 0, set.getText());
    }

    /** The device a place belongs to, as the stream numbers places across devices; -1 for the CPUs' and done. */
    private static int deviceOf(Scenario s, String place) {
        String[] p = place.split(":");
        if (p.length < 2) return -1;
        int n = Integer.parseInt(p[1]);
        return switch (p[0]) {
            case "ctx" -> n / s.cpus();
            case "hctx", "tagwait", "driver", "device" -> n / s.hwQueues();
            case "elv", "requeue" -> n;
            default -> -1;
        };
    }

    /** The devices whose queues hold a request past the CPUs' (its device, as the stream names it). */
    private static TreeSet<Integer> devicesHolding(Scenario s, Snapshot snap) {
        TreeSet<Integer> out = new TreeSet<>();
        for (Snapshot.Item i : snap.items()) {
            String place = String.valueOf(i.place());
            if ("req".equals(i.type()) && !place.startsWith("task:") && !place.startsWith("plug:")) out.add(i.dev());
        }
        return out;
    }



    private static double n(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
