package org.blkflow.trace;

import static org.blkflow.scenario.ScenarioFields.CPUS;
import static org.blkflow.scenario.ScenarioFields.DEVICE_COUNT;
import static org.blkflow.scenario.ScenarioFields.IOS;
import static org.blkflow.scenario.ScenarioFields.JOB_DEVICES;
import static org.blkflow.scenario.ScenarioFields.KERNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.scenario.JobDraft;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDraft;
import org.blkflow.scenario.ScenarioValidator;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Perfetto export of several 7.0 devices (preset shared-tags-70): each device's requests, hctx
 * counters and bios in flight are in a process of its own named nullbN, by the device the stream names;
 * a run of one device has no such process and keeps its tracks in the shared ones.
 */
class PerfettoDevicesTest {

    private static Map<Integer, String> processNames(List<JsonNode> events) {
        Map<Integer, String> out = new TreeMap<>();
        for (JsonNode e : events) {
            if (e.get("ph").asString().equals("M") && e.get("name").asString().equals("process_name")) {
                out.put(e.get("pid").asInt(), e.get("args").get("name").asString());
            }
        }
        return out;
    }

    private static List<JsonNode> events(Scenario s) {
        List<JsonNode> out = new ArrayList<>();
        PerfettoExportTest.export(s).get("traceEvents").forEach(out::add);
        return out;
    }

    @Test
    void eachDeviceHasItsOwnGroupHoldingItsRequestsAndCounters() {
        Scenario s = ScenarioValidator.require(PerfettoExportTest.preset("shared-tags-70"));
        Map<Long, Integer> devOfRequest = new HashMap<>();
        Map<Integer, Integer> devOfHctx = new HashMap<>();
        BlockLayerRun run = new BlockLayerRun(s, false);
        for (Transition t = run.next(); t != null; t = run.next()) {
            if (t.req() >= 0) devOfRequest.putIfAbsent(t.req(), t.dev());
            if (t.hctx() >= 0 && t.req() >= 0) devOfHctx.putIfAbsent(t.hctx(), t.dev());
        }
        assertEquals(new TreeSet<>(List.of(0, 1)), new TreeSet<>(devOfRequest.values()), "requests on both devices");

        List<JsonNode> events = events(s);
        Map<Integer, String> names = processNames(events);
        assertEquals("nullb0", names.get(DeviceGroups.FIRST_PID));
        assertEquals("nullb1", names.get(DeviceGroups.FIRST_PID + 1));
        Map<Long, Integer> pidOfRequest = new HashMap<>();
        Map<Integer, Long> lastInFlight = new HashMap<>();
        for (JsonNode e : events) {
            String ph = e.get("ph").asString(), name = e.get("name").asString();
            int pid = e.get("pid").asInt();
            if (ph.equals("b") && name.matches("rq \\d+")) pidOfRequest.put(Long.parseLong(name.substring(3)), pid);
            if (ph.equals("C") && name.startsWith("hctx ")) {
                int h = Integer.parseInt(name.substring(5));
                assertEquals(DeviceGroups.FIRST_PID + devOfHctx.get(h), pid, name + " in its device's group");
            }
            if (ph.equals("C") && name.equals("device")) lastInFlight.put(pid, e.get("args").get("bios in flight").asLong());
            assertTrue(pid != RequestTracks.PID && pid != QueueCounters.HCTX_PID && pid != QueueCounters.DEVICE_PID
                    || ph.equals("M"), "nothing on the one-device tracks: " + e);
        }
        devOfRequest.forEach((rq, d) -> assertEquals(DeviceGroups.FIRST_PID + d, pidOfRequest.get(rq),
                "request " + rq + " of nullb" + d + " in nullb" + d + "'s group"));
        assertEquals(Map.of(DeviceGroups.FIRST_PID, 0L, DeviceGroups.FIRST_PID + 1, 0L), lastInFlight,
                "each device's bios in flight, all ended");
        assertEquals(List.of(), TraceEventChecker.check(PerfettoExportTest.export(s)));
    }

    /** nr_devices=4, one job writing round robin over all four, mq-deadline on each: no preset has four. */
    static Scenario fourDevices() {
        ScenarioDraft d = new ScenarioDraft().set(KERNEL, Kernel.V7_0).set(CPUS, 2);
        d.device.set(DEVICE_COUNT, 4);
        JobDraft j = new JobDraft();
        j.set(JOB_DEVICES, List.of(0, 1, 2, 3));
        j.set(IOS, 16);
        d.jobs(List.of(j.build()));
        return ScenarioValidator.require(d.build());
    }

    static Stream<Scenario> severalDevices() {
        return Stream.of(ScenarioValidator.require(PerfettoExportTest.preset("shared-tags-70")), fourDevices());
    }

    /** Red before: the one-device groups (hardware queues, requests, device) were declared and stayed empty. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("severalDevices")
    void severalDevicesDeclareOnlyGroupsThatGetEvents(Scenario s) {
        List<JsonNode> events = events(s);
        Map<Integer, String> names = processNames(events);
        Set<Integer> used = new TreeSet<>();
        events.stream().filter(e -> !e.get("ph").asString().equals("M")).forEach(e -> used.add(e.get("pid").asInt()));
        Map<Integer, String> empty = new TreeMap<>(names);
        empty.keySet().removeAll(used);
        assertEquals(Map.of(), empty, "groups declared but never given an event");
        for (int d = 0; d < s.device().count(); d++) {
            assertEquals("nullb" + d, names.get(DeviceGroups.FIRST_PID + d), "nullb" + d + " has its group");
        }
        assertEquals("CPUs", names.get(CpuSlices.PID));
        Set<Integer> declared = new TreeSet<>(names.keySet());
        events.stream().map(e -> e.get("pid").asInt()).forEach(pid -> assertTrue(declared.contains(pid),
                "every event in a declared group: pid " + pid));
    }

    @Test
    void oneDeviceHasNoDeviceGroup() {
        Scenario s = ScenarioValidator.require(PerfettoExportTest.preset("sata-70"));
        assertEquals(Map.of(1, "CPUs", 2, "locks", 3, "hardware queues", 4, "requests", 5, "device"),
                processNames(events(s)));
    }
}
