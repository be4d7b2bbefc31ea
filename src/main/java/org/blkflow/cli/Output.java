package org.blkflow.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command writes: the --out file, or standard output (flushed, never closed, when done). */
final class Output {

    private Output() {
    }

    static OutputStream open(String file, OutputStream stdout) {
        if (file == null || file.equals("-")) {
            return new FilterOutputStream(new BufferedOutputStream(stdout, 1 << 16)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        try {
            return new BufferedOutputStream(Files.newOutputStream(Path.of(file)), 1 << 16);
        } catch (IOException e) {
            throw new CliException("--out " + file + ": cannot be written (" + e.getMessage() + ")");
        }
    }
}
