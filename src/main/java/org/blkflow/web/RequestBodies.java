package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;

/**
 * Reads a JSON request body into a tree, refusing more than 256 KiB (413) and malformed JSON (400)
 * with the parser's own words. A scenario is a few KiB; the cap keeps a bad client from filling memory.
 */
@Component
public class RequestBodies {

    public static final int MAX_BYTES = 256 * 1024;

    private final ObjectReader reader;

    public RequestBodies(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public JsonNode readJson(HttpServletRequest request) throws IOException {
        refuseForms(request, "application/json");
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            throw malformed("the body is empty; send a scenario as JSON ({} gives the defaults)");
        }
        try {
            return reader.readTree(body);
        } catch (JacksonException e) {
            throw malformed(JsonSyntax.describe(e));
        }
    }

    /**
     * A form or multipart body is the container's to parse (a form is read away by the first
     * parameter lookup, a multipart one needs its boundary); every endpoint here reads the raw body,
     * so they are refused up front with the type to send instead.
     */
    static void refuseForms(HttpServletRequest request, String expected) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            String given = type.contains(";") ? type.substring(0, type.indexOf(';')).strip() : type.strip();
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported media type",
                    "Content-Type " + given + " is not read here: send the body as " + expected, List.of());
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "body too large",
                "the body is larger than " + MAX_BYTES + " bytes (256 KiB), the most a request may send", List.of());
    }

    private static ApiException malformed(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "malformed JSON", "malformed JSON: " + message, List.of());
    }
}
