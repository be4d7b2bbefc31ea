package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.scenario.Scheduler;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of several null_blk devices in blkparse's shape: each line on its own device (nullbN as
 * 8,16N), numbered per device and CPU as blktrace's buffers are, one summary per device; and such an
 * export imported back replays with both devices and prints the same lines again.
 */
class DeviceExportTest {

    @TempDir
    Path dir;

    /** One synchronous reader on CPU 0 going round nullb0 and nullb1 (fio's filename=/dev/nullb0:/dev/nullb1). */
    static Scenario alternatingReader(int ios) {
        Device two = new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT,
                0, 0, 0, 2, false);
        Job reader = new Job("fio", List.of(0), Rw.READ, 50, 4096, 1, IoEngine.SYNC, true, false, ios, 0, 1L << 30,
                null, null, 0, 0, 1, false, 0, List.of(0, 1));
        return ScenarioValidator.require(new Scenario("two-devices", 1, Mode.MQ, 1, 1, 8, 0, null, true, two,
                List.of(reader), Scheduler.NONE, 128, Costs.ZERO, 1, Kernel.V7_0, null));
    }

    /**
     * Four reads, nullb0, nullb1, nullb0, nullb1, each Q G P U(1) D then C 10 µs later. Within one
     * nanosecond blkparse orders by device before sequence, so at 20 µs nullb0's next bio comes before
     * nullb1's C, although the C came first.
     */
    @Test
    void eachLineIsOnItsOwnDeviceNumberedPerDeviceAndCpu() throws Exception {
        TraceExport export = TraceExport.of(alternatingReader(4));
        assertEquals(List.of(
                "  8,0    0        1     0.000000000  1000  Q   R 0 + 8 [fio]",
                "  8,0    0        2     0.000000000  1000  G   R 0 + 8 [fio]",
                "  8,0    0        3     0.000000000  1000  P   N [fio]",
                "  8,0    0        4     0.000000000  1000  U   N [fio] 1",
                "  8,0    0        5     0.000000000  1000  D   R 0 + 8 [fio]",
                "  8,0    0        6     0.000010000     0  C   R 0 + 8 [0]",
                "  8,16   0        1     0.000010000  1000  Q   R 0 + 8 [fio]",
                "  8,16   0        2     0.000010000  1000  G   R 0 + 8 [fio]",
                "  8,16   0        3     0.000010000  1000  P   N [fio]",
                "  8,16   0        4     0.000010000  1000  U   N [fio] 1",
                "  8,16   0        5     0.000010000  1000  D   R 0 + 8 [fio]",
                "  8,0    0        7     0.000020000  1000  Q   R 8 + 8 [fio]",
                "  8,0    0        8     0.000020000  1000  G   R 8 + 8 [fio]",
                "  8,0    0        9     0.000020000  1000  P   N [fio]",
                "  8,0    0       10     0.000020000  1000  U   N [fio] 1",
                "  8,0    0       11     0.000020000  1000  D   R 8 + 8 [fio]",
                "  8,16   0        6     0.000020000     0  C   R 0 + 8 [0]",
                "  8,0    0       12     0.000030000     0  C   R 8 + 8 [0]",
                "  8,16   0        7     0.000030000  1000  Q   R 8 + 8 [fio]",
                "  8,16   0        8     0.000030000  1000  G   R 8 + 8 [fio]",
                "  8,16   0        9     0.000030000  1000  P   N [fio]",
                "  8,16   0       10     0.000030000  1000  U   N [fio] 1",
                "  8,16   0       11     0.000030000  1000  D   R 8 + 8 [fio]",
                "  8,16   0       12     0.000040000     0  C   R 8 + 8 [0]"), RealToolsAgreementTest.eventLines(export.text()));
        assertEquals(List.of("CPU0 (8,0):", "Events (8,0): 12 entries", "CPU0 (8,16):", "Events (8,16): 12 entries"),
                export.text().lines().filter(l -> l.startsWith("CPU") || l.startsWith("Events")).toList());

        RealTools.require();
        Path bin = dir.resolve("run.blktrace");
        Files.write(bin, export.binary());
        String real = RealTools.run(dir, bin, "blkparse", "-i", "-");
        assertEquals("", Files.readString(dir.resolve("stderr.txt")), "blkparse complained");
        assertEquals(export.text(), real, "the real blkparse prints the binary as our text, summaries included");
    }

    /**
     * The text export of a two-device run, imported (POST /api/traces' reader) and replayed: both
     * devices in the trace's list, each transition with a blktrace action on the device its model
     * transition was on, and the replay written out again is the same text.
     */
    @Test
    void aTwoDeviceExportImportsAndReplaysWithBothDevicesAndWritesBackTheSameLines() throws Exception {
        Scenario scenario = TraceScenarios.twoDevices();
        TraceExport export = TraceExport.of(ScenarioValidator.require(scenario));
        ImportedTrace trace = BlkparseImport.read(new StringReader(export.text()));
        assertEquals(List.of("8,0", "8,16"), trace.devices());
        assertEquals(export.events(), trace.parsed());

        TraceReplay.Result replay = TraceReplay.of(trace.events(), trace.devices(), null);
        assertEquals(0, replay.skipped(), "every event placed");
        List<Transition> replayed = replay.transitions();
        List<String> modelDevs = new ArrayList<>();
        BlockLayerRun run = new BlockLayerRun(ScenarioValidator.require(scenario), false);
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.action() != null) modelDevs.add(event(t));
        }
        List<String> replayDevs = replayed.stream().filter(t -> t.action() != null).map(DeviceExportTest::event).toList();
        assertEquals(sorted(modelDevs), sorted(replayDevs), "every event on its model transition's device");

        StringWriter again = new StringWriter();
        BlkparseWriter writer = new BlkparseWriter(again);
        replayed.forEach(writer::onTransition);
        writer.finish();
        assertEquals(export.text(), again.toString());
    }

    /** A trace of one device replays as before: no transition names a device. */
    @Test
    void aOneDeviceExportReplaysNamingNoDevice() throws Exception {
        TraceExport export = TraceExport.of(ScenarioValidator.require(TraceScenarios.timed().get(1)));
        ImportedTrace trace = BlkparseImport.read(new StringReader(export.text()));
        assertEquals(List.of("8,0"), trace.devices());
        assertEquals(List.of(-1), TraceReplay.of(trace.events(), trace.devices(), null).transitions().stream()
                .map(Transition::dev).distinct().toList());
    }

    /** "Q 1024 1": letter, sector as blkparse prints it (none for P and U), device. */
    private static String event(Transition t) {
        boolean payloadOnly = t.action().equals("P") || t.action().startsWith("U");
        return t.action() + " " + (payloadOnly ? 0 : t.sector()) + " " + t.dev();
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
