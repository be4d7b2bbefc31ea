package org.blkflow.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioField;
import org.blkflow.scenario.ScenarioFields;
import org.blkflow.scenario.ScenarioLink;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;

/**
 * A comparison of two scenarios of the viewer's own, {@code /?compare=custom&a=<link query>&b=<…>}:
 * each side is a share link's query, read and validated like any link. A problem is named after its
 * side ({@code a.jobs[0].bs}), so the page can say which run is wrong; both sides are checked at once.
 */
public final class CustomComparison {

    public static final String ID = "custom";

    private CustomComparison() {
    }

    /**
     * @param a A's link query ({@code v=2&…}, already %-decoded once), or null when absent
     * @param b likewise for B
     */
    public static Comparison of(String a, String b) {
        List<Problem> problems = new ArrayList<>();
        Scenario sa = side("a", a, problems);
        Scenario sb = side("b", b, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioRejected("invalid link", problems);
        }
        String la = label(sa, "A");
        String lb = label(sb, "B");
        String changed = changed(sa, sb);
        return new Comparison(ID, la + " against " + lb,
                "Two scenarios of your own. " + (changed.isEmpty() ? "They are the same run." : "They differ in " + changed + "."),
                changed, new Comparison.Side(la, sa), new Comparison.Side(lb, sb));
    }

    private static Scenario side(String name, String query, List<Problem> problems) {
        if (query == null || query.isBlank()) {
            problems.add(Problem.of(name, query, "required: a scenario's share link query (v=2&…), %-encoded"));
            return null;
        }
        try {
            return ScenarioValidator.require(ScenarioLink.decode(query).scenario());
        } catch (ScenarioRejected e) {
            // "jobs[0].bs = 1000: …" becomes "a.jobs[0].bs = 1000: …": the field and its side
            e.problems().forEach(p -> problems.add(new Problem(name + "." + p.field(), p.value(), name + "." + p.message(), p.tooLarge())));
            return null;
        }
    }

    private static String label(Scenario s, String fallback) {
        return s.name() == null || s.name().isBlank() ? fallback : s.name();
    }

    /** The declared fields whose values differ, by their JSON paths ("mode, device.rings"); the name left out. */
    static String changed(Scenario a, Scenario b) {
        List<String> names = new ArrayList<>();
        for (ScenarioField<?, ?> f : ScenarioFields.of(ScenarioField.Group.SCENARIO)) {
            if (f == ScenarioFields.NAME || f == ScenarioFields.DEVICE_FIELD) {
                continue;
            }
            if (!Objects.equals(value(f, a), value(f, b))) {
                names.add(f.path());
            }
        }
        for (ScenarioField<?, ?> f : ScenarioFields.of(ScenarioField.Group.DEVICE)) {
            if (!Objects.equals(value(f, a.device()), value(f, b.device()))) {
                names.add(f.path());
            }
        }
        return String.join(", ", names);
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> Object value(ScenarioField<?, ?> f, R record) {
        return ((ScenarioField<R, ?>) f).of(record);
    }
}
