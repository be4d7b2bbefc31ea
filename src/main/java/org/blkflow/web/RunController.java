package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/** POST /api/runs: a whole run at once, for scripts, tests and golden files. */
@RestController
public class RunController {

    static final int DEFAULT_TRANSITIONS = 10_000;
    static final int MAX_TRANSITIONS = 1_000_000;

    private final RequestBodies bodies;
    private final ObjectMapper mapper;

    public RunController(RequestBodies bodies, ObjectMapper mapper) {
        this.bodies = bodies;
        this.mapper = mapper;
    }

    @PostMapping("/api/runs")
    public void run(@RequestParam(name = "transitions", required = false) String transitions,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        long keep = transitionsToKeep(transitions);
        Scenario scenario = ScenarioValidator.require(ScenarioJson.read(bodies.readJson(request)));
        RunReport report = RunReport.measure(scenario);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = mapper.createGenerator(response.getOutputStream())) {
            report.write(g, keep);
        }
    }

    static long transitionsToKeep(String param) {
        if (param == null) {
            return DEFAULT_TRANSITIONS;
        }
        String rule = "must be a whole number between 0 and " + MAX_TRANSITIONS + " (0 for none)";
        long n;
        try {
            n = Long.parseLong(param.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("transitions", param, rule);
        }
        if (n < 0 || n > MAX_TRANSITIONS) {
            throw ApiException.badParameter("transitions", n, rule);
        }
        return n;
    }
}
