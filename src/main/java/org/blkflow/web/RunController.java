package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.blkflow.input.BoundedNumber;
import org.blkflow.runs.RunExport;
import org.blkflow.runs.RunReport;
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
                    @RequestParam(name = "format", required = false) String format,
                    @RequestParam(name = "download", required = false) String download,
                    HttpServletRequest request, HttpServletResponse response) throws IOException {
        long keep = transitionsToKeep(transitions);
        RunExport export = exportFor(format);
        Scenario scenario = ScenarioValidator.require(ScenarioJson.read(bodies.readJson(request)));
        if (export != null) {
            export(scenario, export, "1".equals(download) || "true".equals(download), response);
            return;
        }
        RunReport report = RunReport.measure(scenario);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (JsonGenerator g = mapper.createGenerator(response.getOutputStream())) {
            write(report, keep, g);
        }
    }

    /**
     * {@code {"scenario","topology","stats","transitions":[first keep],"truncated"}}, streamed; public
     * because the command line's {@code run} answers exactly what this endpoint answers.
     */
    public static void write(RunReport report, long keep, JsonGenerator g) {
        g.writeStartObject();
        g.writeName("scenario");
        g.writeTree(ScenarioJsonWriter.write(report.scenario()));
        g.writeName("topology");
        g.writeTree(TopologyJson.toNode(report.scenario(), report.cpuToHctx()));
        g.writeName("stats");
        g.writeTree(StatsJson.toNode(report.stats()));
        g.writeArrayPropertyStart("transitions");
        report.replay(keep, t -> TransitionJson.write(t, g));
        g.writeEndArray();
        g.writeBooleanProperty("truncated", report.truncated(keep));
        g.writeEndObject();
    }

    /** null for the JSON report: no format, or format=json. */
    static RunExport exportFor(String format) {
        if (format == null || format.equals("json")) {
            return null;
        }
        RunExport export = RunExport.forFormat(format);
        if (export == null) {
            throw ApiException.badParameter("format", format, "must be json, blkparse, blktrace or perfetto");
        }
        return export;
    }

    /** The run is made to its end first, so a broken invariant is a 500 before any byte is sent. */
    private static void export(Scenario scenario, RunExport export, boolean download, HttpServletResponse response)
            throws IOException {
        RunReport.measure(scenario);
        response.setContentType(export.contentType());
        if (download) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName(scenario) + "\"");
        }
        export.write(scenario, response.getOutputStream());
    }

    static long transitionsToKeep(String param) {
        if (param == null) {
            return DEFAULT_TRANSITIONS;
        }
        try {
            return BoundedNumber.parse("transitions", param.strip(), 0, MAX_TRANSITIONS);
        } catch (BoundedNumber.Refused e) {
            throw ApiException.badParameter("transitions", param, e.getMessage() + " (0 for none)");
        }
    }
}
