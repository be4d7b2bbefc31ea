package org.blkflow.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes Chrome/Perfetto trace events ({"traceEvents":[…]}) one at a time, straight to the stream:
 * nothing is held but the event being written, so a run of millions of transitions streams. Times
 * are virtual nanoseconds, written as the format's microseconds with the nanoseconds as fraction.
 */
final class TraceEventWriter {

    private final Writer out;
    private final StringBuilder event = new StringBuilder(256);
    private boolean first = true;
    private boolean open;
    private boolean inArgs;

    TraceEventWriter(Writer out) {
        this.out = out;
    }

    void begin() {
        raw("{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
    }

    /** Closes the array and the object, and flushes; the stream itself stays open. */
    void end() {
        raw("\n]}\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an event: {"ph":ph,"name":name,"pid":pid,"tid":tid; fields and args follow, then {@link #done}. */
    TraceEventWriter start(char ph, String name, int pid, int tid) {
        if (open) throw new IllegalStateException("an event is still being written");
        open = true;
        event.setLength(0);
        event.append(first ? "" : ",\n").append("{\"ph\":\"").append(ph).append("\",\"name\":");
        string(name).append(",\"pid\":").append(pid).append(",\"tid\":").append(tid);
        first = false;
        return this;
    }

    TraceEventWriter ts(long ns) {
        event.append(",\"ts\":");
        micros(ns);
        return this;
    }

    TraceEventWriter dur(long ns) {
        event.append(",\"dur\":");
        micros(ns);
        return this;
    }

    TraceEventWriter field(String key, String value) {
        event.append(",\"").append(key).append("\":");
        string(value);
        return this;
    }

    TraceEventWriter field(String key, long value) {
        event.append(",\"").append(key).append("\":").append(value);
        return this;
    }

    /** Opens "args"; {@link #arg} adds to it and {@link #done} closes it. */
    TraceEventWriter args() {
        event.append(",\"args\":{");
        inArgs = true;
        return this;
    }

    TraceEventWriter arg(String key, String value) {
        if (value == null) return this;
        comma().append('"').append(key).append("\":");
        string(value);
        return this;
    }

    TraceEventWriter arg(String key, long value) {
        comma().append('"').append(key).append("\":").append(value);
        return this;
    }

    TraceEventWriter arg(String key, double value) {
        comma().append('"').append(key).append("\":").append(Double.isFinite(value) ? value : 0);
        return this;
    }

    void done() {
        if (!open) throw new IllegalStateException("no event is being written");
        if (inArgs) event.append('}');
        event.append('}');
        open = false;
        inArgs = false;
        raw(event);
    }

    private StringBuilder comma() {
        char last = event.charAt(event.length() - 1);
        return last == '{' ? event : event.append(',');
    }

    /** ns as µs with three decimals: 1150 ns is 1.150. */
    private void micros(long ns) {
        event.append(ns / 1000).append('.');
        long frac = ns % 1000;
        if (frac < 100) event.append('0');
        if (frac < 10) event.append('0');
        event.append(frac);
    }

    private StringBuilder string(String s) {
        event.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> event.append("\\\"");
                case '\\' -> event.append("\\\\");
                case '\n' -> event.append("\\n");
                case '\r' -> event.append("\\r");
                case '\t' -> event.append("\\t");
                default -> {
                    if (c < 0x20) event.append(String.format("\\u%04x", (int) c));
                    else event.append(c);
                }
            }
        }
        return event.append('"');
    }

    private void raw(CharSequence s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
