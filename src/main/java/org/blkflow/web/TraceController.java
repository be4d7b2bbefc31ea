package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.blkflow.trace.BlkparseImport;
import org.blkflow.trace.ImportedTrace;
import org.blkflow.trace.TraceStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** POST /api/traces imports blkparse text (at most 8 MiB); GET /api/traces/{id} gives its stats again. */
@RestController
public class TraceController {

    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private final TraceStore store;

    /** The store is shared with the sessions, which load traces from it. */
    public TraceController(TraceStore store) {
        this.store = store;
    }

    @PostMapping("/api/traces")
    public ResponseEntity<ObjectNode> importTrace(HttpServletRequest request) throws IOException {
        String text = readText(request, MAX_BYTES, "8 MiB");
        ImportedTrace trace = BlkparseImport.read(new StringReader(text));
        if (trace.parsed() == 0) {
            String first = trace.warnings().isEmpty() ? "" : " (line " + trace.warnings().get(0).line() + ": "
                    + trace.warnings().get(0).message() + ")";
            throw new ApiException(HttpStatus.BAD_REQUEST, "not a blkparse trace",
                    "no blkparse event line in " + trace.lines() + " lines" + first, List.of());
        }
        String id = store.put(trace);
        return ResponseEntity.status(HttpStatus.CREATED).body(TraceJson.toNode(id, trace));
    }

    @GetMapping("/api/traces/{id}")
    public ObjectNode trace(@PathVariable("id") String id) {
        ImportedTrace trace = store.get(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no such trace",
                "no imported trace has id '" + id + "' (traces are kept in memory, " + TraceStore.MAX_TRACES
                        + " at most, and are lost on restart)", List.of()));
        return TraceJson.toNode(id, trace);
    }

    /** The body as UTF-8 text, refused with 413 above {@code max} bytes and 400 when empty. */
    static String readText(HttpServletRequest request, int max, String maxName) throws IOException {
        RequestBodies.refuseForms(request, "text/plain");
        if (request.getContentLengthLong() > max) {
            throw tooLarge(maxName);
        }
        byte[] body = request.getInputStream().readNBytes(max + 1);
        if (body.length > max) {
            throw tooLarge(maxName);
        }
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "empty body", "the body is empty", List.of());
        }
        return text;
    }

    private static ApiException tooLarge(String maxName) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body too large",
                "the body is larger than " + maxName + ", the most this endpoint reads", List.of());
    }
}
