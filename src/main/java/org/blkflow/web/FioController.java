package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.blkflow.fio.FioImport;
import org.blkflow.fio.FioJobFile;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.ScenarioDraft;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * POST /api/fio[?kernel=3.16|7.0]: a fio job file → {@code {"jobs": [scenario jobs], "cpus": n,
 * "ignored": [{"job","option","reason"}]}}, read for the kernel the jobs will run on (io_uring and hipri
 * are 7.0's).
 */
@RestController
public class FioController {

    static final int MAX_BYTES = 256 * 1024;

    @PostMapping("/api/fio")
    public ObjectNode fio(@RequestParam(name = "kernel", required = false) String kernel, HttpServletRequest request)
            throws IOException {
        Kernel k = kernel(kernel);
        String text = TraceController.readText(request, MAX_BYTES, "256 KiB");
        FioImport fio;
        try {
            fio = FioImport.read(text, k);
        } catch (FioJobFile.Rejected e) {
            List<Problem> field = e.field() == null ? List.of() : List.of(new Problem(e.field(), null, e.getMessage(), false));
            throw new ApiException(HttpStatus.BAD_REQUEST, "not a fio job file", e.getMessage(), field);
        }
        ObjectNode o = ScenarioJsonWriter.write(new ScenarioDraft().jobs(fio.jobs()).build());
        ObjectNode out = o.objectNode();
        out.set("jobs", o.get("jobs"));
        out.put("cpus", fio.cpusNeeded());
        ArrayNode ignored = out.putArray("ignored");
        for (FioImport.Ignored i : fio.ignored()) {
            ignored.addObject().put("job", i.job()).put("option", i.option()).put("reason", i.reason());
        }
        return out;
    }

    private static Kernel kernel(String param) {
        if (param == null) return Kernel.V3_16;
        try {
            return Label.parse(Kernel.class, param);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("kernel", param, e.getMessage());
        }
    }
}
