package org.blkflow.scenario;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.blkflow.scenario.ScenarioField.Group;

/**
 * One record's fields being read (from JSON, a link, a fio file or a preset): it starts at the
 * declared defaults, readers overwrite what is present, and {@link #build()} makes the record. The
 * record is made by its canonical constructor, each component taken from the field of that name, so
 * a new field needs no line here.
 */
public class FieldDraft<R extends Record> {

    private final Class<R> type;
    private final List<ScenarioField<R, ?>> fields;
    private final Map<ScenarioField<R, ?>, Object> values = new HashMap<>();

    FieldDraft(Class<R> type, Group group) {
        this.type = type;
        this.fields = ScenarioFields.typed(group);
        for (ScenarioField<R, ?> f : fields) values.put(f, f.standard());
    }

    public <T> FieldDraft<R> set(ScenarioField<R, T> field, T value) {
        values.put(field, value);
        return this;
    }

    /** A value read for a field of this record, by a reader that checked its type from the declaration. */
    public void put(ScenarioField<?, ?> field, Object value) {
        if (!fields.contains(field)) throw new IllegalArgumentException(field + " is not a field of " + type.getSimpleName());
        @SuppressWarnings("unchecked") ScenarioField<R, ?> f = (ScenarioField<R, ?>) field;
        values.put(f, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ScenarioField<R, T> field) {
        return (T) values.get(field);
    }

    /** Every field taken from a record, as if it had been read. */
    void copy(R record) {
        for (ScenarioField<R, ?> f : fields) values.put(f, f.of(record));
    }

    public R build() {
        return construct(name -> values.get(field(name)));
    }

    ScenarioField<R, ?> field(String name) {
        for (ScenarioField<R, ?> f : fields) {
            if (f.name().equals(name)) return f;
        }
        throw new IllegalStateException(type.getSimpleName() + "." + name + " has no declaration in ScenarioFields");
    }

    /** The record from its canonical constructor, each component's value found by its name. */
    R construct(java.util.function.Function<String, Object> valueOf) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = valueOf.apply(components[i].getName());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
