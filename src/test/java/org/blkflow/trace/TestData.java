package org.blkflow.trace;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way tests reach their input files: the real traces and sysfs dump under
 * src/test/resources/testdata (with their source and licence notes) and our own handmade traces
 * under src/test/resources/trace. Everything is on the test classpath, so a fresh clone finds it.
 */
public final class TestData {

    /** Where the files are kept in the source tree, for a test that stores them again on purpose. */
    public static final Path SOURCE = Path.of("src/test/resources");

    private TestData() {
    }

    /** A real file by its path under testdata/, e.g. {@code sysfs/…cpu_list.txt}; fails when it is missing. */
    public static Path real(String relative) {
        return resource("/testdata/" + relative);
    }

    /** One of the fio job files under fio/, e.g. nullblk-udev-writes.fio. */
    public static Path fio(String name) {
        return resource("/fio/" + name);
    }

    /** Every real blkparse text (*.blkparse.txt), in name order. */
    public static List<Path> realBlkparseFiles() {
        try (Stream<Path> files = Files.list(real("blkparse"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".blkparse.txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ImportedTrace importReal(String blkparseName) throws IOException {
        return read(real("blkparse/" + blkparseName));
    }

    public static ImportedTrace read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }

    /** One of our own files under trace/, e.g. perfetto-one-device.sha256; fails when it is missing. */
    public static Path fixture(String name) {
        return resource("/trace/" + name);
    }

    /** One of our handmade traces under trace/, e.g. every-action.blkparse.txt. */
    public static ImportedTrace importFixture(String name) throws IOException {
        try (Reader r = new InputStreamReader(TestData.class.getResourceAsStream("/trace/" + name),
                StandardCharsets.UTF_8)) {
            return BlkparseImport.read(r);
        }
    }

    private static Path resource(String name) {
        URL url = TestData.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test classpath (src/test/resources" + name + ")");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
