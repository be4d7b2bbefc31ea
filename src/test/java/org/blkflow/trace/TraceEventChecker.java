package org.blkflow.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a trace-event JSON document against the format's rules, independently of the writer: every
 * B has its E and every b its e (properly nested, same name), every flow is one s, any t's and one f
 * in time order, each flow event lies inside an X slice of its thread, timestamps never go back on a
 * track, X slices on a thread do not overlap, and every process and thread used is named by an M
 * event. Returns the problems found, empty when the document is valid.
 */
public final class TraceEventChecker {

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Long> lastTs = new HashMap<>();
    private final Map<String, Deque<String>> syncStacks = new HashMap<>();
    private final Map<String, Deque<String>> asyncStacks = new HashMap<>();
    private final Map<String, List<JsonNode>> flows = new HashMap<>();
    private final Map<String, List<long[]>> slices = new HashMap<>();
    private final Set<Integer> processesUsed = new HashSet<>();
    private final Set<Integer> processesNamed = new HashSet<>();
    private final Set<String> threadsUsed = new HashSet<>();
    private final Set<String> threadsNamed = new HashSet<>();

    public static List<String> check(JsonNode doc) {
        TraceEventChecker c = new TraceEventChecker();
        JsonNode events = doc.get("traceEvents");
        if (events == null || !events.isArray()) return List.of("no traceEvents array");
        int i = 0;
        for (JsonNode e : events) c.event(i++, e);
        c.atEnd();
        return c.problems;
    }

    /** Microseconds with three decimals back to whole nanoseconds. */
    static long ns(JsonNode micros) {
        return Math.round(micros.asDouble() * 1000);
    }

    private void event(int i, JsonNode e) {
        String ph = e.path("ph").asString("");
        if (!e.has("pid") || !e.has("tid") || !e.has("name")) {
            problems.add("#" + i + ": no pid, tid or name: " + e);
            return;
        }
        int pid = e.get("pid").asInt();
        String thread = pid + "/" + e.get("tid").asInt();
        if (ph.equals("M")) {
            metadata(e, pid, thread);
            return;
        }
        if (!e.has("ts") || !e.get("ts").isNumber() || e.get("ts").asDouble() < 0) {
            problems.add("#" + i + ": no ts: " + e);
            return;
        }
        processesUsed.add(pid);
        long ts = ns(e.get("ts"));
        switch (ph) {
            case "X" -> {
                threadUsed(thread);
                if (!e.has("dur") || e.get("dur").asDouble() < 0) problems.add("#" + i + ": X without dur: " + e);
                ordered("thread " + thread, ts, i);
                List<long[]> list = slices.computeIfAbsent(thread, k -> new ArrayList<>());
                long end = ts + ns(e.get("dur"));
                if (!list.isEmpty() && ts < list.get(list.size() - 1)[1]) {
                    problems.add("#" + i + ": X overlaps the previous slice on " + thread);
                }
                list.add(new long[] {ts, end});
            }
            case "B" -> {
                threadUsed(thread);
                ordered("thread " + thread, ts, i);
                syncStacks.computeIfAbsent(thread, k -> new ArrayDeque<>()).push(e.get("name").asString());
            }
            case "E" -> {
                ordered("thread " + thread, ts, i);
                Deque<String> stack = syncStacks.get(thread);
                if (stack == null || stack.isEmpty()) problems.add("#" + i + ": E without B on " + thread);
                else stack.pop();
            }
            case "b", "e" -> async(i, e, ph, ts);
            case "s", "t", "f" -> {
                threadUsed(thread);
                if (!e.has("id") || !e.has("cat")) problems.add("#" + i + ": flow without id or cat: " + e);
                String key = e.path("cat").asString() + "/" + e.path("name").asString() + "/" + e.path("id").asString();
                flows.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
            case "C" -> {
                ordered("counter " + pid + "/" + e.get("name").asString(), ts, i);
                JsonNode args = e.get("args");
                if (args == null || args.isEmpty()) problems.add("#" + i + ": counter without values");
                else args.properties().forEach(p -> {
                    if (!p.getValue().isNumber()) problems.add("#" + i + ": counter value not a number: " + p);
                });
            }
            case "i", "I" -> {
                threadUsed(thread);
                ordered("instant " + thread, ts, i);
            }
            default -> problems.add("#" + i + ": unknown ph '" + ph + "'");
        }
    }

    private void async(int i, JsonNode e, String ph, long ts) {
        if (!e.has("id") || !e.has("cat")) {
            problems.add("#" + i + ": async event without id or cat: " + e);
            return;
        }
        String track = e.get("cat").asString() + "/" + e.get("id").asString();
        ordered("async " + track, ts, i);
        Deque<String> stack = asyncStacks.computeIfAbsent(track, k -> new ArrayDeque<>());
        String name = e.get("name").asString();
        if (ph.equals("b")) {
            stack.push(name);
        } else if (stack.isEmpty()) {
            problems.add("#" + i + ": e without b on " + track);
        } else if (!stack.pop().equals(name)) {
            problems.add("#" + i + ": e '" + name + "' does not close the innermost b on " + track);
        }
    }

    private void metadata(JsonNode e, int pid, String thread) {
        String name = e.get("name").asString();
        boolean named = e.path("args").path("name").isString() && !e.path("args").path("name").asString().isEmpty();
        if (name.equals("process_name") && named) processesNamed.add(pid);
        if (name.equals("thread_name") && named) threadsNamed.add(thread);
    }

    private void threadUsed(String thread) {
        threadsUsed.add(thread);
    }

    private void ordered(String track, long ts, int i) {
        Long last = lastTs.put(track, ts);
        if (last != null && ts < last) problems.add("#" + i + ": time goes back on " + track + " (" + last + " → " + ts + ")");
    }

    private void atEnd() {
        syncStacks.forEach((k, v) -> { if (!v.isEmpty()) problems.add("unclosed B on " + k + ": " + v); });
        asyncStacks.forEach((k, v) -> { if (!v.isEmpty()) problems.add("unclosed b on " + k + ": " + v); });
        flows.forEach(this::flow);
        for (String t : threadsUsed) if (!threadsNamed.contains(t)) problems.add("thread " + t + " has no thread_name");
        for (int p : processesUsed) if (!processesNamed.contains(p)) problems.add("process " + p + " has no process_name");
    }

    private void flow(String key, List<JsonNode> events) {
        List<String> phases = events.stream().map(e -> e.get("ph").asString()).toList();
        List<JsonNode> byTime = new ArrayList<>(events);
        byTime.sort((a, b) -> Long.compare(ns(a.get("ts")), ns(b.get("ts"))));
        List<String> timeOrder = byTime.stream().map(e -> e.get("ph").asString()).toList();
        boolean shape = timeOrder.size() >= 2 && timeOrder.get(0).equals("s")
                && timeOrder.get(timeOrder.size() - 1).equals("f")
                && timeOrder.subList(1, timeOrder.size() - 1).stream().allMatch("t"::equals);
        if (!shape) problems.add("flow " + key + " is not one s, any t's and one f in time order: " + phases);
        for (JsonNode e : events) {
            String thread = e.get("pid").asInt() + "/" + e.get("tid").asInt();
            long ts = ns(e.get("ts"));
            boolean inside = slices.getOrDefault(thread, List.of()).stream().anyMatch(s -> s[0] <= ts && ts <= s[1]);
            if (!inside) problems.add("flow " + key + " " + e.get("ph").asString() + " at " + ts + " binds to no slice on " + thread);
        }
    }
}
