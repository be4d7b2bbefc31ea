package org.blkflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.blkflow.web.RequestBodies;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Reads a command's input file (or standard input for -) with the REST API's size cap and JSON rules. */
final class Input {

    /** As for a request body: a scenario or sweep is a few KiB, a fio job file less. */
    static final int MAX_BYTES = RequestBodies.MAX_BYTES;

    private static final ObjectReader JSON = new JsonMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private Input() {
    }

    static String text(String name, InputStream stdin) {
        byte[] bytes;
        try (InputStream in = name.equals("-") ? stdin : Files.newInputStream(Path.of(name))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CliException(name + ": no such file");
        } catch (IOException e) {
            throw new CliException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw new CliException(name + ": larger than " + MAX_BYTES + " bytes (256 KiB), the most an input may be");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static JsonNode json(String name, InputStream stdin) {
        String text = text(name, stdin);
        if (text.isBlank()) throw new CliException(name + ": empty; write a scenario as JSON ({} gives the defaults)");
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new CliException(name + ": malformed JSON: " + e.getOriginalMessage() + at);
        }
    }
}
