package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.blkflow.runs.SweepRunner;
import org.blkflow.transition.InvariantViolation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /api/sweeps: one scenario run at every combination of the varied fields, answering
 * {@code {"points": [{…values, "stats"}]}} in product order, or with {@code ?stream=1} one NDJSON line
 * per point as it finishes ({@code {"point": i, "of": n, …}}) and a last {@code {"done": true}}.
 */
@RestController
public class SweepController {

    static final String NDJSON = "application/x-ndjson";

    private final RequestBodies bodies;
    private final ObjectMapper mapper;
    private final SweepRunner runner;

    SweepController(RequestBodies bodies, ObjectMapper mapper, SweepRunner runner) {
        this.bodies = bodies;
        this.mapper = mapper;
        this.runner = runner;
    }

    @PostMapping("/api/sweeps")
    public void sweep(@RequestParam(name = "stream", required = false) String stream,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean streaming = streaming(stream);
        SweepRequest sweep = SweepRequest.of(bodies.readJson(request));
        if (streaming) {
            stream(sweep, response);
        } else {
            whole(sweep, response);
        }
    }

    /** POST /api/sweeps/xen-iometer: the published xen-blkfront experiment, answered like any sweep. */
    @PostMapping("/api/sweeps/xen-iometer")
    public void xenIometer(@RequestParam(name = "stream", required = false) String stream,
                           HttpServletResponse response) throws IOException {
        boolean streaming = streaming(stream);
        SweepRequest sweep = XenIometerSweep.request();
        if (streaming) {
            stream(sweep, response);
        } else {
            whole(sweep, response);
        }
    }

    /** Every point, in product order; the first failure answers for the whole sweep (ApiErrors). */
    private void whole(SweepRequest sweep, HttpServletResponse response) throws IOException {
        ObjectNode[] done = new ObjectNode[sweep.plan().points().size()];
        runner.run(sweep.plan(), o -> {
            if (o.failure() != null) {
                throw o.failure();
            }
            done[o.point().index()] = pointNode(sweep, o);
        });
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("points");
        for (ObjectNode point : done) {
            list.add(point);
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), body);
    }

    /** Lines as points finish; once the first is sent a failure can only be a line of its own. */
    private void stream(SweepRequest sweep, HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        runner.run(sweep.plan(), o -> {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("point", o.point().index());
            line.put("of", o.point().of());
            line.setAll(o.failure() == null ? pointNode(sweep, o) : failureNode(sweep, o));
            writeLine(out, line);
        });
        writeLine(out, JsonNodeFactory.instance.objectNode().put("done", true));
    }

    private void writeLine(OutputStream out, JsonNode line) throws IOException {
        out.write(mapper.writeValueAsBytes(line));
        out.write('\n');
        out.flush();
    }

    private static ObjectNode pointNode(SweepRequest sweep, SweepRunner.Outcome o) {
        ObjectNode node = sweep.values().get(o.point().index()).deepCopy();
        node.set("stats", StatsJson.toNode(o.stats()));
        return node;
    }

    private static ObjectNode failureNode(SweepRequest sweep, SweepRunner.Outcome o) {
        ObjectNode node = sweep.values().get(o.point().index()).deepCopy();
        boolean invariant = o.failure() instanceof InvariantViolation;
        node.put("error", invariant ? "invariant violated" : "run failed");
        node.put("message", String.valueOf(o.failure().getMessage()));
        return node;
    }

    static boolean streaming(String param) {
        if (param == null || param.equals("0") || param.equals("false")) {
            return false;
        }
        if (param.equals("1") || param.equals("true")) {
            return true;
        }
        throw ApiException.badParameter("stream", param, "must be 1 (NDJSON, a line per finished point) or 0");
    }
}
