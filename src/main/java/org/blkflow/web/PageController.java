package org.blkflow.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves the single page; everything after that arrives over the WebSocket. A shared link's title
 * and description name its scenario, so a pasted link previews as what it shows.
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
                        Model model) {
        LinkSummary summary = v == null ? null : LinkSummary.of(name, cpus, hw, job);
        model.addAttribute("title", summary == null ? GENERIC_TITLE : summary.title());
        model.addAttribute("description", summary == null ? GENERIC_DESCRIPTION : summary.description());
        model.addAttribute("defaults", PageDefaults.JSON);
        return "index";
    }

    /** What a share link's query says about its scenario, read leniently: junk is simply left out. */
    record LinkSummary(String name, Integer cpus, Integer hw, String job) {

        static LinkSummary of(String name, String cpus, String hw, String job) {
            // A job parameter reads "fio,rw:randread,bs:4k,…": its name comes before the first comma.
            String jobName = job == null ? null : job.split(",", 2)[0];
            return new LinkSummary(clean(name), number(cpus), number(hw), clean(jobName));
        }

        String title() {
            String shape = shape();
            String head = name != null ? name : "blk-mq scenario";
            return head + (shape.isEmpty() ? "" : " — " + shape) + " · blkflow";
        }

        String description() {
            String shape = shape();
            return "blk-mq, step by step: " + (name != null ? name : "a shared scenario")
                    + (shape.isEmpty() ? "" : " on " + shape)
                    + (job != null ? ", job " + job : "") + ". Requests move through software and hardware queues.";
        }

        private String shape() {
            String c = cpus == null ? "" : plural(cpus, "CPU");
            String h = hw == null ? "" : plural(hw, "hardware queue");
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

        private static Integer number(String s) {
            if (s == null) return null;
            try {
                int n = Integer.parseInt(s.strip());
                return n > 0 && n <= 4096 ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
