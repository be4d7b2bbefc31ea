package org.blkflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.blkflow.runs.RunReport;
import org.blkflow.runs.SweepPlan;
import org.blkflow.web.StatsJson;
import org.blkflow.web.SweepRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sweep SWEEP.json [--out FILE]}: the body POST /api/sweeps takes ({"scenario", "vary"}), with
 * the same validation and limits, run point by point; the answer is the API's {"points": [...]}.
 */
final class SweepCommand {

    private SweepCommand() {
    }

    static void run(List<String> words, InputStream stdin, OutputStream stdout) throws IOException {
        CliArgs args = CliArgs.parse(words, Set.of("out"), Set.of());
        SweepRequest sweep = SweepRequest.of(Input.json(args.input(), stdin));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode list = body.putArray("points");
        // One point after another on this thread: a command has the machine to itself, and the first
        // failure (an invariant: exit 3) stops the sweep as it stops the API's whole answer.
        for (SweepPlan.Point p : sweep.plan().points()) {
            ObjectNode node = sweep.values().get(p.index()).deepCopy();
            node.set("stats", StatsJson.toNode(RunReport.measure(p.scenario()).stats()));
            list.add(node);
        }
        try (OutputStream out = Output.open(args.option("out", null), stdout)) {
            out.write(new JsonMapper().writeValueAsBytes(body));
            out.write('\n');
        }
    }
}
