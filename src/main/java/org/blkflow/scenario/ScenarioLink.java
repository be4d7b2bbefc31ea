package org.blkflow.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A scenario as a readable, versioned query string that can be pasted, bookmarked and put in a
 * course handout:
 *
 * <pre>
 * /?v=2&amp;name=Figure+1%3A+blk-mq+in+outline&amp;seed=42&amp;hw=2&amp;depth=16&amp;dev=irq:timer
 *   &amp;job=fio,rw:randwrite,qd:2,engine:libaio,n:8&amp;preset=figure1&amp;step=57
 * </pre>
 *
 * Version 1 ({@link #everyField}) writes every field in a fixed order; {@link #encode} writes version 2,
 * the same text less everything that equals the defaults ({@link ShortLink}). {@link #decode} reads
 * both and fills absent parameters with the defaults, so link → scenario → link gives the same text and
 * short hand-written links work (a v=1 link from before the cost table gets {@link Costs#DEFAULT}).
 * {@code preset} names the preset the scenario is (written only then); reading it checks the id, and
 * the scenario alone decides whether the run is that preset.
 * A 7.0 scenario adds {@code &kernel=7.0} after {@code mode} (and {@code &numa=0-3/4-7} after
 * {@code smt} when it has NUMA nodes); a link without them is the 3.16 scenario it always was.
 */
public final class ScenarioLink {

    /** Version 2 leaves out what equals {@link ScenarioDefaults}; version 1 wrote every field. Both read. */
    public static final int VERSION = 2;
    public static final int MAX_LENGTH = 4096;

    /** A decoded link: the scenario (not yet validated) and the step to seek to, if the link has one. */
    public record Decoded(Scenario scenario, OptionalLong step) {
    }

    private ScenarioLink() {
    }

    public static String encode(Scenario s) {
        String link = "/?v=" + VERSION + ShortLink.shorten(everyField(s), everyField(ScenarioDefaults.scenario()));
        // Named only when the scenario is the preset's, field for field, so its note tells this run's story.
        return link + Presets.matching(s).map(p -> "&preset=" + p.id()).orElse("");
    }

    /** Version 1's text after "/?v=1": every field, in order, as "&key=value". */
    static String everyField(Scenario s) {
        StringBuilder out = new StringBuilder();
        for (ScenarioField<Scenario, ?> f : ScenarioFields.<Scenario>linkOrdered(ScenarioField.Group.SCENARIO)) {
            if (!f.written(s)) continue;
            switch (f.type()) {
                case COSTS -> out.append("&").append(f.linkKey()).append("=").append(costs(s.costs()));
                case DEVICE -> out.append("&").append(f.linkKey()).append("=").append(items(ScenarioField.Group.DEVICE, s.device()));
                case JOBS -> s.jobs().forEach(job -> out.append("&").append(f.linkKey()).append("=").append(job(job)));
                default -> out.append("&").append(f.linkKey()).append("=").append(LinkValues.format(f, f.of(s)));
            }
        }
        return out.toString();
    }

    /** The link with {@code &step=K} appended: a session opening it seeks to step K. */
    public static String encode(Scenario s, long step) {
        return encode(s) + "&step=" + step;
    }

    /**
     * Reads "/?…", "?…" or a bare query string (or a whole URL; a "#…" fragment is ignored). Throws
     * {@link ScenarioRejected} ("invalid link") naming every unknown or malformed parameter.
     */
    public static Decoded decode(String link) {
        if (link.length() > MAX_LENGTH) {
            throw new ScenarioRejected("invalid link", List.of(Problem.of("link", link.length() + " characters",
                    "must be at most " + MAX_LENGTH + " characters")));
        }
        int hash = link.indexOf('#');
        String url = hash < 0 ? link : link.substring(0, hash);
        return new LinkReader(url.substring(url.indexOf('?') + 1)).read();
    }

    /** A record's fields as "key:value" items, comma-separated, in link order. */
    private static <R extends Record> String items(ScenarioField.Group group, R record) {
        return ScenarioFields.<R>linkOrdered(group).stream().filter(f -> f.linkKey() != null)
                .map(f -> f.linkKey() + ":" + LinkValues.format(f, f.of(record))).collect(Collectors.joining(","));
    }

    private static String costs(Costs c) {
        return Arrays.stream(CostField.values()).map(f -> f.linkKey() + ":" + f.of(c)).collect(Collectors.joining(","));
    }

    /** A job's name (its only item without a key), then its items. */
    private static String job(Job j) {
        return j.name() + "," + items(ScenarioField.Group.JOB, j);
    }
}
