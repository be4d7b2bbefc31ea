package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.input.BoundedNumber;
import org.blkflow.lessons.Comparison;
import org.blkflow.lessons.Comparisons;
import org.blkflow.lessons.CustomComparison;
import org.blkflow.lessons.TimeLockstep;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/comparisons: the two-run presets of /?compare=&lt;id&gt;, each side as its share link. */
@RestController
public class ComparisonController {

    /** Virtual time a lockstep may ask about: far past any run the seek limit allows (1,000 s). */
    static final long MAX_T = 1_000_000_000_000L;
    private final ReplayGate gate = new ReplayGate("lockstep requests", QuizController.CONCURRENT);

    @GetMapping("/api/comparisons")
    public ArrayNode comparisons() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        Comparisons.all().forEach(c -> list.add(json(c)));
        return list;
    }

    /**
     * GET /api/comparisons/custom?a=&lt;link query&gt;&amp;b=&lt;link query&gt; (the page's own query, compare, step
     * and lock included, may be sent as it is): the comparison of two scenarios of one's own, shaped like a
     * preset's. The whole link is bounded like a scenario link (4096 characters, else 400 naming {@code link});
     * a bad side is a 400 naming its field under {@code a.} or {@code b.}.
     */
    @GetMapping("/api/comparisons/custom")
    public ObjectNode custom(HttpServletRequest request, @RequestParam(required = false) String a,
                             @RequestParam(required = false) String b) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        int length = "/?".length() + query.length();
        if (length > ScenarioLink.MAX_LENGTH) {
            throw ApiException.badParameter("link", length + " characters",
                    "a comparison's link, both sides and the step, must be at most " + ScenarioLink.MAX_LENGTH + " characters");
        }
        return json(CustomComparison.of(a, b));
    }

    private static ObjectNode json(Comparison c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", c.id());
        o.put("title", c.title());
        o.put("note", c.note());
        o.put("changed", c.changed());
        o.set("a", side(c.a()));
        o.set("b", side(c.b()));
        return o;
    }

    /**
     * GET /api/lockstep?t=T&amp;&lt;share link query&gt;: {"step": K}, the transitions of the link's run at or
     * before T ns (at most the seek limit): where pane B goes to show pane A's moment. Replayed from
     * step 0 like a seek, so at most 2 at once, the rest waiting their turn ({@link ReplayGate}).
     */
    @GetMapping("/api/lockstep")
    public ObjectNode lockstep(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        List<String> link = new ArrayList<>();
        String t = null;
        for (String p : query.split("&")) {
            if (p.startsWith("t=")) t = p.substring(2); else if (!p.isEmpty()) link.add(p);
        }
        if (t == null) {
            throw ApiException.badParameter("t", null, "required: the virtual time in ns, 0 to " + MAX_T);
        }
        long at;
        try {
            at = BoundedNumber.parse("t", t, 0, MAX_T);
        } catch (BoundedNumber.Refused e) {
            throw ApiException.badParameter("t", t.length() > 40 ? t.substring(0, 40) : t, e.getMessage());
        }
        Scenario scenario = ScenarioValidator.require(ScenarioLink.decode("/?" + String.join("&", link)).scenario());
        return gate.run(() -> JsonNodeFactory.instance.objectNode().put("t", at)
                .put("step", TimeLockstep.stepAt(scenario, at, SessionLimits.MAX_SEEK)));
    }

    private static ObjectNode side(Comparison.Side s) {
        return JsonNodeFactory.instance.objectNode().put("label", s.label()).put("link", ScenarioLink.encode(s.scenario()));
    }
}
