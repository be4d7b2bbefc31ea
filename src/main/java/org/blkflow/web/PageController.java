package org.blkflow.web;

import org.blkflow.scenario.Preset;
import org.blkflow.scenario.Presets;
import org.blkflow.scenario.ScenarioDefaults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the single page; everything after that arrives over the WebSocket. A shared link's title
 * and description name its scenario, its mode and its step, so a pasted link previews as what it shows.
 */
@Controller
public class PageController {

    static final String GENERIC_TITLE = "blkflow — the Linux multi-queue block layer, step by step";
    static final String GENERIC_DESCRIPTION =
            "Watch requests move through blk-mq's software and hardware queues, one kernel function at a time.";

    @GetMapping("/")
    public String index(@RequestParam(required = false) String v,
                        @RequestParam(required = false) String name,
                        @RequestParam(required = false) String cpus,
                        @RequestParam(required = false) String hw,
                        @RequestParam(required = false) String job,
                        @RequestParam(required = false) String mode,
                        @RequestParam(required = false) String step,
                        @RequestParam(required = false) String preset,
                        Model model) {
        // A link leaves out what equals the defaults (version 2 always, version 1 when written by hand).
        LinkSummary summary = v == null ? null : LinkSummary.of(name, orDefault(cpus, ScenarioDefaults.CPUS),
                orDefault(hw, ScenarioDefaults.HW_QUEUES), job, mode, step);
        // A preset's link previews with the preset's note: what the viewer will see in it.
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
            if ("sq".equals(mode)) return SQ;
            if ("bio".equals(mode)) return BIO;
            return MQ;
        }
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
