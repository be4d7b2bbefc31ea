package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.blkflow.lessons.Lesson;
import org.blkflow.lessons.LessonInvalid;
import org.blkflow.lessons.LessonStop;
import org.blkflow.lessons.LessonWalk;
import org.blkflow.quiz.Choice;
import org.blkflow.quiz.NextStepQuiz;
import org.blkflow.quiz.Quiz;
import org.blkflow.session.Delivery;
import org.blkflow.session.LiveSession;
import org.blkflow.transition.Transition;
import org.blkflow.transition.TransitionKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson file is walked end to end through a live session, as the page walks it: seek to just
 * before each stop, take one step, and the transition delivered must be the one the stop's condition
 * names. A question stop's quiz must have its answer in the step the session then makes.
 */
class LessonFilesTest {

    private static final List<Lesson> LESSONS = LessonFiles.readAll();

    @Test
    void theIssuesSixSubjectsAreEachCoveredByALesson() {
        List<String> ids = LESSONS.stream().map(Lesson::id).toList();
        assertTrue(ids.size() >= 6, "lessons: " + ids);
        for (String subject : List.of("read-path", "plug-merge", "tags-run-out", "full-device", "why-blk-mq", "xen-io-lock")) {
            assertTrue(ids.stream().anyMatch(id -> id.endsWith(subject)), subject + " missing from " + ids);
        }
        // Both kernels have a lesson: students run 7.0's block layer, not only 3.16's.
        assertTrue(LESSONS.stream().anyMatch(l -> l.scenario().modern()), "no lesson runs Linux 7.0: " + ids);
    }

    @TestFactory
    Stream<DynamicTest> eachLessonIsWalkedThroughALiveSession() {
        return LESSONS.stream().map(lesson -> DynamicTest.dynamicTest(lesson.id(), () -> walk(lesson)));
    }

    private static void walk(Lesson lesson) {
        List<Long> steps = LessonWalk.steps(lesson);
        assertEquals(lesson.stops().size(), steps.size());
        LiveSession session = new LiveSession(lesson.scenario());
        for (int i = 0; i < steps.size(); i++) {
            LessonStop stop = lesson.stops().get(i);
            long step = steps.get(i);
            assertTrue(i == 0 || step >= steps.get(i - 1), "stops in order");
            session.seek(step - 1);
            Delivery d = session.step(1);
            assertEquals(1, d.transitions().size(), lesson.id() + " stop " + i);
            Transition t = d.transitions().get(0);
            assertTrue(stop.at().fixed() || stop.at().matches(t),
                    lesson.id() + " stop " + i + " (" + stop.at().describe() + ") landed on " + t);
            textNamesItsTransition(lesson.id() + " stop " + (i + 1), stop.text(), t);
            if (stop.question() != null) {
                Optional<Quiz> quiz = NextStepQuiz.at(lesson.scenario(), step);
                assertTrue(quiz.isPresent(), lesson.id() + " stop " + i + " asks at the end of the run");
                Transition next = session.step(1).transitions().get(0);
                assertEquals(Choice.of(next), quiz.get().choices().get(quiz.get().answer()));
            }
        }
    }

    private static final Pattern HCTX = Pattern.compile("\\bhctx (\\d+)");
    private static final Pattern CPU = Pattern.compile("\\bCPU (\\d+)");
    private static final Pattern REQUEST = Pattern.compile("\\b[Rr]equest (\\d+)");

    /**
     * A stop's text that names hardware queues, CPUs or requests names the one its transition is on: a
     * model change that moves which queue fills first (or which CPU runs a step) then fails here, instead of
     * leaving a text about hctx 0 beside a picture of hctx 2 (lesson 9 after the switch accounting did).
     */
    private static void textNamesItsTransition(String where, String text, Transition t) {
        check(where, "hctx", HCTX, text, t.hctx());
        check(where, "CPU", CPU, text, t.cpu());
        check(where, "request", REQUEST, text, t.req());
    }

    private static void check(String where, String what, Pattern p, String text, long value) {
        Set<String> named = p.matcher(text).results().map(m -> m.group(1)).collect(Collectors.toSet());
        assertTrue(named.isEmpty() || value < 0 || named.contains(String.valueOf(value)),
                () -> where + " names " + what + " " + named + " but its transition is on " + what + " " + value + ": " + text);
    }

    @Test
    void aStopsTextNamingAnotherQueueThanItsTransitionsIsCaught() {
        Transition onHctx2 = new Transition(0, 0, TransitionKind.HCTX_STOP, "blk_mq_stop_hw_queue", null, 2, 0, "fio",
                -1, -1, -1, 2, -1, -1, 0, null, null, null, -1);
        assertThrows(AssertionError.class, () -> textNamesItsTransition("t", "hctx 0 is stopped.", onHctx2));
        textNamesItsTransition("t", "hctx 2 is stopped while hctx 0 runs.", onHctx2);
    }

    @Test
    void lessonsComeInCourseOrderTenAfterNine() {
        List<String> ids = LESSONS.stream().map(Lesson::id).toList();
        assertEquals(List.of("9-xen-mq-rings", "10-linux-70-mq-deadline", "11-xen-grant-flush"), ids.subList(ids.size() - 3, ids.size()),
                "lessons: " + ids);
        assertEquals(List.of("1-x", "2-x", "9-x", "10-x", "b", "c"),
                java.util.stream.Stream.of("c", "10-x", "2-x", "b", "9-x", "1-x").sorted(LessonFiles.COURSE_ORDER).toList());
    }

    @Test
    void aStopThatIsNeverReachedIsRefusedNamingIt() {
        String text = """
                {"title":"t","scenario":{"preset":"figure1"},
                 "stops":[{"at":{"action":"Q"},"text":"a"},{"at":{"action":"R","hctx":1},"text":"never: figure1 has no BUSY"}]}""";
        LessonInvalid e = assertThrows(LessonInvalid.class, () -> LessonWalk.steps(LessonFiles.read("bad", text)));
        assertTrue(e.getMessage().contains("stops[1] (match #1 of action R, hctx 1) is never reached"), e.getMessage());
    }

    @Test
    void everyMistakeInAFileIsReportedAtOnce() {
        String text = """
                {"title":"t","scenario":{"preset":"no-such"},"colour":1,
                 "stops":[{"at":{"kind":"x"},"text":"a","panel":"charts"},{"at":{"step":3,"action":"Q"},"text":""}]}""";
        LessonInvalid e = assertThrows(LessonInvalid.class, () -> LessonFiles.read("bad", text));
        String m = e.getMessage();
        assertTrue(m.contains("colour: unknown field"), m);
        assertTrue(m.contains("scenario.preset = no-such: no such preset"), m);
        assertTrue(m.contains("stops[1].at: a fixed step takes no other condition"), m);
    }

    @Test
    void aHighlightFigureOneDoesNotDrawIsRefused() {
        String text = """
                {"title":"t","scenario":{"preset":"figure1"},
                 "stops":[{"at":{"action":"Q"},"text":"a","highlight":"hctx:7"},{"at":{"kind":"nope"},"text":"b","panel":"charts"}]}""";
        LessonInvalid e = assertThrows(LessonInvalid.class, () -> LessonWalk.steps(LessonFiles.read("bad", text)));
        assertTrue(e.getMessage().contains("stops[0].highlight = hctx:7: Figure 1 draws no such place"), e.getMessage());
        assertTrue(e.getMessage().contains("stops[1].at.kind = nope: not a transition kind"), e.getMessage());
        assertTrue(e.getMessage().contains("stops[1].panel = charts"), e.getMessage());
    }

    @Test
    void aLessonAndItsStopsReadAsWritten() {
        Lesson l = LessonFiles.read("x", """
                {"title":"T","summary":"S","scenario":{"link":"/?v=2&cpus=2"},
                 "stops":[{"at":{"action":"D","hctx":0,"nth":2},"text":"a","highlight":"hctx:0","question":"q?"}]}""");
        assertEquals("T", l.title());
        assertEquals(2, l.scenario().cpus());
        LessonStop s = l.stops().get(0);
        assertEquals("D", s.at().action());
        assertEquals(0, s.at().hctx());
        assertEquals(2, s.at().nth());
        assertEquals("q?", s.question());
        assertFalse(s.at().fixed());
        assertNotNull(LessonWalk.steps(l));
    }
}
