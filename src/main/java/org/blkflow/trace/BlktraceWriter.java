package org.blkflow.trace;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionListener;

/**
 * Writes a run as one blktrace stream (spec §1, §6): {@code struct blk_io_trace} records, version 7,
 * big-endian, in the order blkparse sorts them, with a PROCESS notify before each pid's first event so
 * blkparse can name it. Readable by {@code blkparse -i -}; its {@code -d} dump by btt. Every device of
 * the run is in the one stream, each record naming its own ({@link DeviceNumber}: 8,0, 8,16, …), as in
 * the single stream blktrace pipes to {@code blkparse -i -}; blktrace's files would be one per device
 * and CPU ({@code nullb0.blktrace.0}), which one download cannot be.
 */
public final class BlktraceWriter implements TransitionListener {

    public static final int MAGIC = 0x65617407;
    static final int COMM_BYTES = 16;

    private final DataOutputStream out;
    private final TraceRecorder recorder = new TraceRecorder(this::write);
    private final Set<Integer> namedPids = new HashSet<>();

    public BlktraceWriter(OutputStream out) {
        this.out = new DataOutputStream(out);
    }

    @Override
    public void onTransition(Transition t) {
        recorder.onTransition(t);
    }

    /** Writes what is still held and flushes; the stream stays open. */
    public void finish() {
        recorder.finish();
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(TraceRecord r) {
        try {
            if (namedPids.add(r.pid())) {
                writeProcessNotify(r);
            }
            boolean payload = r.count() >= 0;
            header(r.time(), r.sector(), r.bytes(), r.action(), r.pid(), r.device(), r.cpu(), r.error(), payload ? 8 : 0,
                    r.sequence());
            if (payload) {
                out.writeLong(r.count());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeProcessNotify(TraceRecord r) throws IOException {
        header(r.time(), 0, 0, BlkAction.NOTIFY_PROCESS, r.pid(), r.device(), r.cpu(), 0, COMM_BYTES, 0);
        byte[] name = new byte[COMM_BYTES];
        byte[] comm = (r.comm() == null ? "" : r.comm()).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(comm, 0, name, 0, Math.min(comm.length, COMM_BYTES - 1));
        out.write(name);
    }

    private void header(long time, long sector, int bytes, int action, int pid, int device, int cpu, int error,
                        int pduLen, int sequence) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(sequence);
        out.writeLong(time);
        out.writeLong(sector);
        out.writeInt(bytes);
        out.writeInt(action);
        out.writeInt(pid);
        out.writeInt(DeviceNumber.kdev(device));
        out.writeInt(cpu);
        out.writeShort(error);
        out.writeShort(pduLen);
    }
}
