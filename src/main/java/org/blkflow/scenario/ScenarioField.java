package org.blkflow.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * One field of a scenario, declared once in {@link ScenarioFields}: its JSON name, its key in a link,
 * its default, what it allows and how the editor labels it. JSON and link readers and writers, the
 * defaults, the validator's per-field messages and the editor's field list all read these declarations,
 * so a field is added by declaring it (and giving the record it belongs to a component of that name).
 *
 * @param <R> the record the field belongs to ({@link Scenario}, {@link Device}, {@link Backend} or {@link Job})
 * @param <T> its value's type
 */
public final class ScenarioField<R extends Record, T> {

    /** How a value is written; readers and writers switch on this, never on a field. */
    public enum Type {
        TEXT, INT, LONG, BOOL,
        /** Bytes in an int; links write them with k/m/g suffixes. */
        SIZE,
        /** Bytes in a long, up to {@link JobValidator#MAX_BYTES}; links write them with suffixes. */
        BYTES,
        /** One of an enum's labels. */
        CHOICE,
        /** "kernel" or the hctx of each CPU. */
        CPU_MAP,
        /** "all" or a list of CPUs. */
        CPU_LIST,
        /** One cpulist per NUMA node. */
        NODES,
        /** fio's bssplit: a list of {@link BsSplit}, null for none. */
        BSSPLIT,
        /** The nested groups: the cost table, the device, the jobs, and the device's xen-blkback. */
        COSTS, DEVICE, JOBS, BACKEND;

        /** The group a nested record's fields are declared in; null for the cost table (CostField) and scalars. */
        public Group nested() {
            return switch (this) {
                case DEVICE -> Group.DEVICE;
                case JOBS -> Group.JOB;
                case BACKEND -> Group.BACKEND;
                default -> null;
            };
        }
    }

    /** Where a field lives; its prefix is how problems and the editor name it ("device.slots", "jobs.bs"). */
    public enum Group {
        SCENARIO(""), DEVICE("device."), JOB("jobs."), BACKEND("device.backend.");

        private final String prefix;

        Group(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** A numeric field's allowed values; a bound may depend on another field of the same record. */
    record Range<R>(long min, long max, long multipleOf, String minName, ToLongFunction<R> minOf,
                    String maxName, ToLongFunction<R> maxOf, String why) {
    }

    private final Group group;
    private final String name;
    private final Type type;
    private final Class<?> choices;
    private final Function<R, T> read;
    private final int index;
    private String linkKey;
    private double linkRank;
    private Object standard;
    private Range<R> range;
    private Pattern pattern;
    private String patternRule;
    private Predicate<R> writtenIf = r -> true;
    private String label;
    private String placeholder;
    private Integer step;
    private final List<ShownWhen> shownWhen = new ArrayList<>();

    /**
     * One case in which the editor shows a field: while the choice field {@code on} (of the scenario,
     * the device, or the same job) holds one of {@code values}.
     */
    public record ShownWhen(ScenarioField<?, ?> on, List<String> values) {
    }

    ScenarioField(Group group, String name, Type type, Class<?> choices, Function<R, T> read, int index) {
        this.group = group;
        this.name = name;
        this.type = type;
        this.choices = choices;
        this.read = read;
        this.index = index;
        this.linkRank = index;
    }

    // Declaration steps, used only while ScenarioFields builds its table.

    ScenarioField<R, T> link(String key) {
        linkKey = key;
        return this;
    }

    /** Where the link writes it, when that is not the JSON's order (version 1 fixed both orders). */
    ScenarioField<R, T> linkRank(double rank) {
        linkRank = rank;
        return this;
    }

    ScenarioField<R, T> standard(T value) {
        standard = value;
        return this;
    }

    ScenarioField<R, T> range(long min, long max) {
        return range(new Range<>(min, max, 1, null, null, null, null, null));
    }

    ScenarioField<R, T> range(Range<R> r) {
        range = r;
        return this;
    }

    ScenarioField<R, T> pattern(String regex, String rule) {
        pattern = Pattern.compile(regex);
        patternRule = rule;
        return this;
    }

    ScenarioField<R, T> writtenIf(Predicate<R> when) {
        writtenIf = when;
        return this;
    }

    ScenarioField<R, T> editor(String editorLabel) {
        label = editorLabel;
        return this;
    }

    ScenarioField<R, T> editor(String editorLabel, String listPlaceholder) {
        label = editorLabel;
        placeholder = listPlaceholder;
        return this;
    }

    ScenarioField<R, T> step(int editorStep) {
        step = editorStep;
        return this;
    }

    /**
     * The editor shows this field only while {@code on} holds one of {@code values} (or while any
     * other case declared the same way holds): a 3.16 blk-mq student is not asked for poll queues.
     * The model does not read this; the validator still decides what a scenario may say.
     */
    @SafeVarargs
    final <L extends Label> ScenarioField<R, T> shownWhen(ScenarioField<?, L> on, L... values) {
        shownWhen.add(new ShownWhen(on, Arrays.stream(values).map(Label::label).toList()));
        return this;
    }

    // What the table says.

    public Group group() {
        return group;
    }

    /** The JSON name, which is also the record component's. */
    public String name() {
        return name;
    }

    /** The path problems and the editor use: "cpus", "device.slots", "jobs.bs". */
    public String path() {
        return group.prefix() + name;
    }

    public Type type() {
        return type;
    }

    /** The key in a link ({@code hw}, {@code dev.irq}, {@code job.qd}); null for a job's name, written first. */
    public String linkKey() {
        return linkKey;
    }

    double linkRank() {
        return linkRank;
    }

    int index() {
        return index;
    }

    /** The default, or null when it depends on other fields (the scheduler's depends on the kernel). */
    public Object standard() {
        return standard;
    }

    public T of(R record) {
        return read.apply(record);
    }

    /** Whether the JSON and the link carry it for this record (7.0's fields are left out of a 3.16 scenario). */
    public boolean written(R record) {
        return writtenIf.test(record);
    }

    /** The enum a CHOICE field's labels belong to; null for other types. */
    public Class<?> choiceType() {
        return choices;
    }

    /** The labels a CHOICE field offers; empty for other types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public java.util.List<String> choices() {
        return choices == null ? java.util.List.of() : Label.offered((Class) choices);
    }

    /** A CHOICE field's value spelled {@code text}; IllegalArgumentException listing the choices. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public T parseLabel(String text) {
        return (T) Label.parse((Class) choices, text);
    }

    /** {min, max} as the editor offers it; null for a field with no numeric range. */
    public long[] limits() {
        return range == null ? null : new long[] {range.min(), range.max()};
    }

    /**
     * The rule for a value that does not even read as this field's type ("four", 2.5, 1e12 for a CPU
     * count): the same allowed range the range check states, with a bound that depends on another
     * field named rather than valued, since that field may itself be unread. Never the width of a Java
     * int, which says nothing about the field.
     */
    public String readRule() {
        if (type == Type.CHOICE) return "must be one of " + String.join(", ", choices());
        if (range == null) return "must be a whole number";
        return "must be a whole number " + (range.multipleOf() > 1 ? "and a multiple of " + range.multipleOf() + " " : "")
                + "between " + (range.minName() == null ? Long.toString(range.min()) : range.minName())
                + " and " + (range.maxName() == null ? Long.toString(range.max()) : range.maxName());
    }

    /**
     * Whether the field counts for this scenario (and job, for a job's field): the editor's
     * {@link #shownWhen} cases, any of which will do. A field outside them is read and kept but changes
     * nothing the model does, as the backend's fields on a null_blk device.
     */
    public boolean inEffect(Scenario s, Job job) {
        if (shownWhen.isEmpty()) return true;
        for (ShownWhen w : shownWhen) {
            Object record = switch (w.on().group()) {
                case SCENARIO -> s;
                case DEVICE -> s.device();
                case BACKEND -> s.device().backend();
                case JOB -> job;
            };
            if (record != null && w.values().contains(labelOf(w.on(), record))) return true;
        }
        return false;
    }

    /** The cases in words: "device.driver is xen-blkfront", or several joined by "or". */
    public String inEffectWhen() {
        return String.join(" or ", shownWhen.stream()
                .map(w -> w.on().path() + " is " + String.join(" or ", w.values())).toList());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String labelOf(ScenarioField on, Object record) {
        return ((Label) on.of((Record) record)).label();
    }

    /** The editor's label; null for a field the editor does not show. */
    public String label() {
        return label;
    }

    public String placeholder() {
        return placeholder;
    }

    /** The cases in which the editor shows the field; empty: always. */
    public List<ShownWhen> shownWhen() {
        return List.copyOf(shownWhen);
    }

    public Integer step() {
        return step;
    }

    /** Checks this field of one record against its declared range or pattern; false when it broke it. */
    boolean check(String at, R record, ProblemList p) {
        T value = of(record);
        if (type == Type.CHOICE && value == null) {
            p.add(at, null, "must be one of " + String.join(", ", choices()));
            return false;
        }
        if (pattern != null && (value == null || !pattern.matcher((String) value).matches())) {
            p.add(at, value, patternRule);
            return false;
        }
        if (range == null || !(value instanceof Number n)) return true;
        long v = n.longValue();
        long lo = range.minOf() == null ? range.min() : range.minOf().applyAsLong(record);
        long hi = range.maxOf() == null ? range.max() : range.maxOf().applyAsLong(record);
        if (v >= lo && v <= hi && v % range.multipleOf() == 0) return true;
        p.add(at, value, rule(lo, hi));
        return false;
    }

    private String rule(long lo, long hi) {
        return "must be " + (range.multipleOf() > 1 ? "a multiple of " + range.multipleOf() + " " : "")
                + "between " + bound(range.minName(), lo) + " and " + bound(range.maxName(), hi)
                + (range.why() == null ? "" : " (" + range.why() + ")");
    }

    private static String bound(String named, long value) {
        return named == null ? Long.toString(value) : named + " = " + value;
    }

    /** The declared bound names, for a test that checks a message names the range: "queueDepth - 1", "bs". */
    public String minName() {
        return range == null ? null : range.minName();
    }

    public String maxName() {
        return range == null ? null : range.maxName();
    }

    @Override
    public String toString() {
        return path();
    }
}
