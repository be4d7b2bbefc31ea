package org.blkflow.web;

import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** GET /api/presets: the ready-made scenarios, with what each one shows. */
@RestController
public class PresetController {

    @GetMapping("/api/presets")
    public ArrayNode presets() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Preset p : Presets.all()) {
            ObjectNode o = list.addObject();
            o.put("id", p.id());
            o.put("name", p.name());
            o.put("note", p.note());
            o.set("scenario", ScenarioJsonWriter.write(p.scenario()));
        }
        return list;
    }
}
