package org.blkflow.lessons;

import java.util.List;
import org.blkflow.scenario.Scenario;

/**
 * A guided walk through one run: a title, the scenario (a preset's, or a link's), and ordered stops.
 *
 * @param preset the preset the scenario was named by, or null when the lesson gives a link
 */
public record Lesson(String id, String title, String summary, String preset, Scenario scenario,
                     List<LessonStop> stops) {

    public Lesson {
        stops = List.copyOf(stops);
    }
}
