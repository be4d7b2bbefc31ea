package org.blkflow.trace;

import static org.blkflow.model.GoldenStreamTest.REGENERATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.runs.RunExport;
import org.blkflow.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;

/**
 * The Perfetto export of one device, byte for byte as it was reviewed: the SHA-256 of a few presets'
 * exports (3.16 blk-mq, sq, bio-based, a requeue, 7.0 with and without a scheduler) kept in
 * src/test/resources/trace/perfetto-one-device.sha256, in sha256sum's format. A change meant for
 * several devices that moves a one-device export fails here; the export it wrote is left in
 * target/perfetto-one-device/ for a diff. A deliberate change (or a model change that moves these
 * streams) is stored again with the goldens (GoldenStreamTest.REGENERATE).
 */
class PerfettoOneDeviceTest {

    static final String FILE = "perfetto-one-device.sha256";
    static final List<String> PRESETS =
            List.of("figure1", "legacy-contention", "bio-based", "busy-requeue", "sata-70", "kyber-70", "requeue-70");

    @Test
    void oneDeviceExportsAreByteForByteTheStoredOnes() throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, byte[]> exports = new LinkedHashMap<>();
        for (String id : PRESETS) {
            var s = ScenarioValidator.require(PerfettoExportTest.preset(id));
            assertEquals(1, s.device().count(), id + " is a one-device run");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RunExport.PERFETTO.write(s, out);
            exports.put(id, out.toByteArray());
            actual.put(id, sha256(out.toByteArray()));
        }
        Path file = TestData.SOURCE.resolve("trace").resolve(FILE);
        if (Boolean.getBoolean("golden.update")) {
            StringBuilder text = new StringBuilder();
            actual.forEach((id, hash) -> text.append(hash).append("  ").append(id).append('\n'));
            Files.writeString(file, text);
        } else {
            file = TestData.fixture(FILE);
        }
        Map<String, String> stored = stored(file);
        Path dump = Path.of("target/perfetto-one-device");
        for (String id : PRESETS) {
            if (actual.get(id).equals(stored.get(id))) continue;
            Files.createDirectories(dump);
            Files.write(dump.resolve(id + ".perfetto.json"), exports.get(id));
        }
        assertEquals(stored, actual, "one-device Perfetto exports moved (written to " + dump + "); review, then "
                + REGENERATE);
        assertTrue(exports.values().stream().allMatch(e -> e.length > 10_000), "each export holds a run");
    }

    private static Map<String, String> stored(Path file) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("  ", 2);
            out.put(f[1], f[0]);
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
