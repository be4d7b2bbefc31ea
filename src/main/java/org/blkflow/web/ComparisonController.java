package org.blkflow.web;

import org.blkflow.lessons.Comparison;
import org.blkflow.lessons.Comparisons;
import org.blkflow.scenario.ScenarioLink;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/comparisons: the two-run presets of /?compare=&lt;id&gt;, each side as its share link. */
@RestController
public class ComparisonController {

    @GetMapping("/api/comparisons")
    public ArrayNode comparisons() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Comparison c : Comparisons.all()) {
            ObjectNode o = list.addObject();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("note", c.note());
            o.put("changed", c.changed());
            o.set("a", side(c.a()));
            o.set("b", side(c.b()));
        }
        return list;
    }

    private static ObjectNode side(Comparison.Side s) {
        return JsonNodeFactory.instance.objectNode().put("label", s.label()).put("link", ScenarioLink.encode(s.scenario()));
    }
}
