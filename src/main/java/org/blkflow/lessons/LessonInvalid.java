package org.blkflow.lessons;

import java.util.List;

/** A lesson file that would mislead a student: thrown at startup, and by the test that loads them all. */
public final class LessonInvalid extends RuntimeException {

    private final transient List<String> problems;

    public LessonInvalid(String lesson, List<String> problems) {
        super("lesson " + lesson + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
