package org.blkflow.web;

import java.util.List;
import org.blkflow.lessons.LessonStop;
import org.blkflow.lessons.StopCondition;
import org.blkflow.scenario.ScenarioLink;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * GET /api/lessons and /api/lessons/{id}: the guided walks, each stop with the step the page seeks to
 * (the step just after the transition the stop is about).
 */
@RestController
public class LessonController {

    private final LessonCatalog catalog;

    public LessonController(LessonCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/lessons")
    public ArrayNode lessons() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (LessonCatalog.Walked w : catalog.all()) {
            list.addObject().put("id", w.lesson().id()).put("title", w.lesson().title()).put("stops", w.steps().size());
        }
        return list;
    }

    @GetMapping("/api/lessons/{id}")
    public ObjectNode lesson(@PathVariable String id) {
        LessonCatalog.Walked w = catalog.byId(id).orElseThrow(() -> ApiException.notFound("no such lesson", "id",
                id.length() > 100 ? id.substring(0, 100) : id,
                "one of " + String.join(", ", catalog.all().stream().map(x -> x.lesson().id()).toList())));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", w.lesson().id());
        o.put("title", w.lesson().title());
        o.put("summary", w.lesson().summary());
        o.put("preset", w.lesson().preset());
        o.set("scenario", ScenarioJsonWriter.write(w.lesson().scenario()));
        o.put("link", ScenarioLink.encode(w.lesson().scenario()));
        ArrayNode stops = o.putArray("stops");
        List<LessonStop> list = w.lesson().stops();
        for (int i = 0; i < list.size(); i++) {
            LessonStop s = list.get(i);
            ObjectNode stop = stops.addObject();
            stop.put("step", w.steps().get(i));
            stop.set("at", condition(s.at()));
            stop.put("text", s.text());
            stop.put("highlight", s.highlight());
            stop.put("panel", s.panel());
            stop.put("question", s.question());
        }
        return o;
    }

    private static ObjectNode condition(StopCondition c) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (c.fixed()) {
            return o.put("step", c.step());
        }
        if (c.kind() != null) o.put("kind", c.kind());
        if (c.action() != null) o.put("action", c.action());
        if (c.fn() != null) o.put("fn", c.fn());
        if (c.cpu() != null) o.put("cpu", c.cpu());
        if (c.ctx() != null) o.put("ctx", c.ctx());
        if (c.hctx() != null) o.put("hctx", c.hctx());
        if (c.from() != null) o.put("from", c.from());
        if (c.to() != null) o.put("to", c.to());
        return o.put("nth", c.nth());
    }
}
