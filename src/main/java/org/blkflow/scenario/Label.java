package org.blkflow.scenario;

import java.util.Arrays;
import java.util.List;

/**
 * A scenario value with a fixed set of choices, spelled in JSON, links and the page by its label
 * ("mq", "xen-blkfront", "mq-deadline") and in Java by its enum constant.
 */
public interface Label {

    String label();

    /** Whether the editor offers it; a label can be known but refused (7.0's bfq is not modelled yet). */
    default boolean offered() {
        return true;
    }

    /** The constant spelled {@code text}; throws IllegalArgumentException listing the offered labels. */
    static <E extends Enum<E> & Label> E parse(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.label().equals(text)) return e;
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", offered(type)));
    }

    static <E extends Enum<E> & Label> List<String> offered(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(Label::offered).map(Label::label).toList();
    }

    /** The labels of some constants, as a rule names what it allows. */
    static String list(List<? extends Label> allowed) {
        return String.join(", ", allowed.stream().map(Label::label).toList());
    }
}
