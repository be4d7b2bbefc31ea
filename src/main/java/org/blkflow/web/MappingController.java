package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.blkflow.scenario.Problem;
import org.blkflow.trace.SysfsCpuMap;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/mapping/sysfs: a machine's cpu_list dump → {@code {"cpuToHctx": [...], "hwQueues": n}}. */
@RestController
public class MappingController {

    static final int MAX_BYTES = 256 * 1024;

    @PostMapping("/api/mapping/sysfs")
    public ObjectNode sysfs(HttpServletRequest request) throws IOException {
        String text = TraceController.readText(request, MAX_BYTES, "256 KiB");
        int[] map;
        try {
            map = SysfsCpuMap.parse(text);
        } catch (SysfsCpuMap.Rejected e) {
            Problem p = new Problem(e.line() > 0 ? "line " + e.line() : "body", null, e.getMessage(), false);
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid cpu_list", e.getMessage(), List.of(p));
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode list = o.putArray("cpuToHctx");
        int queues = 0;
        for (int hctx : map) {
            list.add(hctx);
            queues = Math.max(queues, hctx + 1);
        }
        o.put("cpus", map.length);
        o.put("hwQueues", queues);
        return o;
    }
}
