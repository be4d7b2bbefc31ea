package org.blkflow.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.blkflow.lessons.Lesson;
import org.blkflow.lessons.LessonWalk;
import org.springframework.stereotype.Component;

/**
 * The lessons the server offers, read and walked once at startup: a lesson whose stop is never
 * reached stops the server from starting (and LessonFilesTest from passing), never a student's page.
 */
@Component
public class LessonCatalog {

    /** A lesson with the step of each of its stops. */
    record Walked(Lesson lesson, List<Long> steps) {
    }

    private final Map<String, Walked> lessons = new LinkedHashMap<>();

    public LessonCatalog() {
        for (Lesson lesson : LessonFiles.readAll()) {
            lessons.put(lesson.id(), new Walked(lesson, LessonWalk.steps(lesson)));
        }
    }

    List<Walked> all() {
        return List.copyOf(lessons.values());
    }

    Optional<Walked> byId(String id) {
        return Optional.ofNullable(lessons.get(id));
    }
}
