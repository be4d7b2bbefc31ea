package org.blkflow.session;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.blkflow.trace.BlkparseImport;
import org.blkflow.trace.ImportedTrace;

/** The real blkparse files in shared/testdata (found up the working directory's parents) and our fixture. */
final class SharedTraces {

    private SharedTraces() {
    }

    static List<Path> blkparseFiles() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start.getParent(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/testdata/blkparse");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(".blkparse.txt")).sorted().toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assumeTrue(false, "no shared/testdata folder next to " + start + " or its parents");
        return List.of();
    }

    static ImportedTrace read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }

    /** The hand-written trace with every action, malformed lines and a second device. */
    static ImportedTrace everyAction() throws IOException {
        try (Reader r = new InputStreamReader(SharedTraces.class.getResourceAsStream("/trace/every-action.blkparse.txt"),
                StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }
}
