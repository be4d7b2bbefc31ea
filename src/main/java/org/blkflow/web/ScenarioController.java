package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scenario links both ways: JSON → "/?v=1&amp;…" to share, and a link's query → the normalized JSON
 * exactly as /api/runs reports it. A link's {@code step} is accepted here but only sessions use it.
 */
@RestController
public class ScenarioController {

    private final RequestBodies bodies;

    public ScenarioController(RequestBodies bodies) {
        this.bodies = bodies;
    }

    @PostMapping("/api/scenario/link")
    public ObjectNode link(HttpServletRequest request) throws IOException {
        Scenario scenario = ScenarioValidator.require(ScenarioJson.read(bodies.readJson(request)));
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("link", ScenarioLink.encode(scenario));
        return o;
    }

    @GetMapping("/api/scenario")
    public ObjectNode scenario(HttpServletRequest request) {
        String query = request.getQueryString();
        Scenario scenario = ScenarioLink.decode("/?" + (query == null ? "" : query)).scenario();
        return ScenarioJsonWriter.write(ScenarioValidator.require(scenario));
    }
}
