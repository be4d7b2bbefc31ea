package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.blkflow.scenario.Scenario;
import org.blkflow.transition.Transition;

/** Runs a scenario to the end and gives its transitions in the compact forms tests compare. */
final class RunRecorder {

    private RunRecorder() {}

    static List<Transition> run(Scenario scenario) {
        BlockLayerRun run = new BlockLayerRun(scenario);
        List<Transition> all = new ArrayList<>();
        for (Transition t = run.next(); t != null; t = run.next()) all.add(t);
        return all;
    }

    /** The blktrace letters only, as blkparse would list them: "Q G I D C". */
    static String actions(List<Transition> ts) {
        return ts.stream().filter(t -> t.action() != null).map(Transition::action).collect(Collectors.joining(" "));
    }

    /** Every kind, "queue getrq tag_get …". */
    static String kinds(List<Transition> ts) {
        return ts.stream().map(t -> t.kind().label()).collect(Collectors.joining(" "));
    }

    /** One line per transition with what a reader checks: "Q bio0 0+8 cpu0 generic_make_request_checks". */
    static String describe(Transition t) {
        return t.seq() + " t=" + t.t() + " " + t.kind().label() + (t.action() == null ? "" : "(" + t.action() + ")")
                + " cpu" + t.cpu() + " " + t.fn() + " bio" + t.bio() + " req" + t.req() + " tag" + t.tag()
                + " " + t.sector() + "+" + t.sectors() + " " + t.from() + "->" + t.to() + " n=" + t.count()
                + (t.dev() < 0 ? "" : " dev=" + t.dev());
    }
}
