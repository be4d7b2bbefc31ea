package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.model.BlockLayerRun;
import org.blkflow.transition.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The model keeps every preset's promise within its first 100 steps (PresetStoriesBrowserIT: the page too). */
class PresetStoriesTest {

    static List<String> presets() {
        return Presets.all().stream().map(Preset::id).toList();
    }

    @Test
    void everyPresetHasItsStoryWrittenDown() {
        assertEquals(presets().stream().sorted().toList(), PresetStories.ids());
    }

    @ParameterizedTest
    @MethodSource("presets")
    void theFirstHundredStepsShowWhatTheNoteSays(String id) {
        PresetStories.check(id, first100(id));
    }

    /** The stories can fail: the direct-issue run does not tell Figure 1's story, nor the other way round. */
    @Test
    void theStoriesTellFigure1AndDirectIssueApart() {
        assertThrows(AssertionError.class, () -> PresetStories.check("figure1", first100("sync-direct-issue")));
        assertThrows(AssertionError.class, () -> PresetStories.check("sync-direct-issue", first100("figure1")));
    }

    private static List<PresetStories.Move> first100(String id) {
        BlockLayerRun run = new BlockLayerRun(Presets.byId(id).orElseThrow().scenario(), false);
        List<PresetStories.Move> moves = new ArrayList<>();
        for (Transition t; moves.size() < PresetStories.STEPS && (t = run.next()) != null; ) {
            moves.add(new PresetStories.Move(t.kind().label(), t.from().toString(), t.to().toString(), t.cpu(), t.sectors(),
                    t.rwbs() == null ? "" : t.rwbs(), t.fn()));
        }
        return moves;
    }
}
