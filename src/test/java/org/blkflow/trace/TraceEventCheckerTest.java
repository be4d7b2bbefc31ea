package org.blkflow.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The checker the Perfetto tests rely on finds each kind of broken trace. */
class TraceEventCheckerTest {

    static final String NAMES = """
            {"ph":"M","name":"process_name","pid":1,"tid":0,"args":{"name":"CPUs"}},
            {"ph":"M","name":"thread_name","pid":1,"tid":1,"args":{"name":"CPU 0"}},
            {"ph":"M","name":"process_name","pid":4,"tid":0,"args":{"name":"requests"}},
            """;

    static List<String> check(String events) {
        return TraceEventChecker.check(new JsonMapper().readTree("{\"traceEvents\":[" + NAMES + events + "]}"));
    }

    @Test
    void aValidTraceHasNoProblems() {
        assertEquals(List.of(), check("""
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":1.000,"dur":0.500},
                {"ph":"s","name":"m","cat":"m","id":7,"pid":1,"tid":1,"ts":1.000},
                {"ph":"X","name":"b","pid":1,"tid":1,"ts":2.000,"dur":0.500},
                {"ph":"f","name":"m","cat":"m","id":7,"pid":1,"tid":1,"ts":2.100,"bp":"e"},
                {"ph":"b","name":"rq 1","cat":"request","id":2,"pid":4,"tid":0,"ts":1.000},
                {"ph":"e","name":"rq 1","cat":"request","id":2,"pid":4,"tid":0,"ts":3.000}
                """));
    }

    @Test
    void eachBrokenRuleIsReported() {
        assertTrue(has(check("{\"ph\":\"b\",\"name\":\"rq 1\",\"cat\":\"request\",\"id\":2,\"pid\":4,\"tid\":0,\"ts\":1}"),
                "unclosed b"));
        assertTrue(has(check("""
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":1.000,"dur":0.500},
                {"ph":"s","name":"m","cat":"m","id":7,"pid":1,"tid":1,"ts":1.000}
                """), "is not one s"));
        assertTrue(has(check("""
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":2.000,"dur":0.500},
                {"ph":"X","name":"b","pid":1,"tid":1,"ts":1.000,"dur":0.500}
                """), "time goes back"));
        assertTrue(has(check("""
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":1.000,"dur":2.000},
                {"ph":"X","name":"b","pid":1,"tid":1,"ts":2.000,"dur":0.500}
                """), "overlaps"));
        assertTrue(has(check("{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":9,\"ts\":1,\"dur\":0}"), "no thread_name"));
        assertTrue(has(check("{\"ph\":\"X\",\"name\":\"a\",\"pid\":7,\"tid\":1,\"ts\":1,\"dur\":0}"), "no process_name"));
        assertTrue(has(check("""
                {"ph":"X","name":"a","pid":1,"tid":1,"ts":1.000,"dur":0.500},
                {"ph":"s","name":"m","cat":"m","id":7,"pid":1,"tid":1,"ts":1.000},
                {"ph":"f","name":"m","cat":"m","id":7,"pid":1,"tid":1,"ts":5.000,"bp":"e"}
                """), "binds to no slice"));
    }

    static boolean has(List<String> problems, String words) {
        return problems.stream().anyMatch(p -> p.contains(words));
    }
}
