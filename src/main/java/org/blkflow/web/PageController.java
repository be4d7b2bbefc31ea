package org.blkflow.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDefaults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the single page; everything after that arrives over the WebSocket. A shared link's title
 * and description name its scenario, its mode and its step, so a pasted link previews as what it shows.
 */
@Controller
public class PageController {

    private static final Scenario DEFAULTS = ScenarioDefaults.scenario();

    static final String GENERIC_TITLE = "blkflow — the Linux multi-queue block layer, step by step";
    static final String GENERIC_DESCRIPTION =
            "Watch requests move through blk-mq's software and hardware queues, one kernel function at a time.";

    /**
     * The query is read here, leniently, rather than through the container's parameters: a pasted
     * link with a broken %-escape still opens the page (the client-side reader names the problem).
     */
    @GetMapping("/")
    public String index(HttpServletRequest request, Model model) {
        Map<String, String> q = query(request.getQueryString());
        // A link leaves out what equals the defaults (version 2 always, version 1 when written by hand).
        LinkSummary summary = q.get("v") == null ? null : LinkSummary.of(q.get("name"),
                orDefault(q.get("cpus"), DEFAULTS.cpus()), orDefault(q.get("hw"), DEFAULTS.hwQueues()),
                q.get("job"), q.get("mode"), q.get("step"));
        // A preset's link previews with the preset's note: what the viewer will see in it.
        String preset = q.get("preset");
        String story = preset == null ? null : Presets.byId(preset).map(Preset::note).orElse(null);
        model.addAttribute("title", summary == null ? GENERIC_TITLE : summary.title());
        model.addAttribute("description", summary == null ? GENERIC_DESCRIPTION : summary.description(story));
        model.addAttribute("defaults", PageDefaults.JSON);
        return "index";
    }

    private static String orDefault(String given, int standard) {
        return given != null ? given : String.valueOf(standard);
    }

    /**
     * How each mode is described: the interface's name, and what the viewer watches move. Hardware
     * queues only count in blk-mq; the legacy queue and a bio-based driver have none.
     */
    enum ModeWords {
        MQ("blk-mq", "blk-mq scenario", true, "Requests move through software and hardware queues."),
        SQ("The legacy request queue", "request queue scenario", false,
                "Requests wait in the elevator and the dispatch list under one queue_lock."),
        BIO("A bio-based driver", "bio-based scenario", false,
                "Bios go straight to the driver: no requests, tags or queues.");

        final String lead;
        final String untitled;
        final boolean hwQueues;
        final String moves;

        ModeWords(String lead, String untitled, boolean hwQueues, String moves) {
            this.lead = lead;
            this.untitled = untitled;
            this.hwQueues = hwQueues;
            this.moves = moves;
        }

        /** A link without a mode (or with one this page does not know) is a blk-mq link. */
        static ModeWords of(String mode) {
            if (Mode.SQ.label().equals(mode)) return SQ;
            if (Mode.BIO.label().equals(mode)) return BIO;
            return MQ;
        }
    }

    /** The first value of each parameter whose name and value decode; anything else is left out. */
    static Map<String, String> query(String query) {
        Map<String, String> out = new HashMap<>();
        if (query == null) {
            return out;
        }
        for (String param : query.split("&")) {
            int eq = param.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? param : param.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(key, value);
            } catch (IllegalArgumentException e) {
                // a broken escape: this parameter says nothing about the scenario
            }
        }
        return out;
    }

    /** What a share link's query says about its scenario, read leniently: junk is simply left out. */
    record LinkSummary(String name, Integer cpus, Integer hw, String job, ModeWords mode, Integer step) {

        static LinkSummary of(String name, String cpus, String hw, String job) {
            return of(name, cpus, hw, job, null, null);
        }

        static LinkSummary of(String name, String cpus, String hw, String job, String mode, String step) {
            // A job parameter reads "fio,rw:randread,bs:4k,…": its name comes before the first comma.
            String jobName = job == null ? null : job.split(",", 2)[0];
            Integer k = number(step, Integer.MAX_VALUE);
            return new LinkSummary(clean(name), number(cpus, MAX_SHAPE), number(hw, MAX_SHAPE), clean(jobName),
                    ModeWords.of(mode), k);
        }

        String title() {
            String shape = shape();
            String head = name != null ? name : mode.untitled;
            return head + (shape.isEmpty() ? "" : " — " + shape) + (step != null ? " · step " + step : "") + " · blkflow";
        }

        String description() {
            return description(null);
        }

        /** @param story the preset's note, said instead of the mode's general words; null for none */
        String description(String story) {
            String shape = shape();
            return mode.lead + ", step by step: " + (name != null ? name : "a shared scenario")
                    + (shape.isEmpty() ? "" : " on " + shape)
                    + (job != null ? ", job " + job : "") + (step != null ? ", at step " + step : "") + ". "
                    + (story != null ? story : mode.moves);
        }

        private String shape() {
            String c = cpus == null ? "" : plural(cpus, "CPU");
            String h = hw == null || !mode.hwQueues ? "" : plural(hw, "hardware queue");
            return c.isEmpty() || h.isEmpty() ? c + h : c + ", " + h;
        }

        private static String plural(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        private static String clean(String s) {
            if (s == null) return null;
            String t = s.strip().replaceAll("\\p{Cntrl}", "");
            if (t.isEmpty()) return null;
            return t.length() > 80 ? t.substring(0, 80) + "…" : t;
        }

        /** Beyond any machine a link can describe: a larger count is junk, not a shape. */
        private static final int MAX_SHAPE = 4096;

        private static Integer number(String s, int max) {
            if (s == null) return null;
            try {
                int n = Integer.parseInt(s.strip());
                return n > 0 && n <= max ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
