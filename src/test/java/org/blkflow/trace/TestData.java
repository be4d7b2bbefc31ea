package org.blkflow.trace;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real-world files (../shared/testdata from the repository root) and our own fixtures. */
final class TestData {

    private TestData() {
    }

    /**
     * ../shared/testdata from the repository root; a worktree one level deeper (wt/NAME) finds it
     * further up, so each ancestor of the working directory is tried.
     */
    static Path shared(String relative) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start.getParent(); p != null; p = p.getParent()) {
            Path dir = p.resolve("shared/testdata");
            if (Files.isDirectory(dir)) return dir.resolve(relative);
        }
        assumeTrue(false, "no shared/testdata folder next to " + start + " or its parents");
        return null;
    }

    static ImportedTrace importShared(String name) throws IOException {
        try (Reader r = Files.newBufferedReader(shared("blkparse/" + name), StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }

    static ImportedTrace importFixture(String name) throws IOException {
        try (Reader r = new InputStreamReader(TestData.class.getResourceAsStream("/trace/" + name), StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }
}
