package org.blkflow.browser;

import java.util.List;

/**
 * What both comparison ITs check of the charts: each pane's Q2C and D2C bars add up to that pane's
 * own count (state.js's tallies), so neither chart recomputes a run its own way.
 */
final class CompareCharts {

    private CompareCharts() {
    }

    static void eachSeriesIsItsOwnPanesCounts(Page page) {
        for (String key : List.of("q2c", "d2c")) {
            for (int i = 0; i < 2; i++) {
                String side = i == 0 ? "A" : "B";
                String own = "return window.blkflow.panes()[" + i + "].session.state." + key + ".count";
                String drawn = "return [...document.querySelectorAll(\"[data-chart='" + key + "'] rect.bar[data-series='"
                        + side + "']\")].reduce((n, r) => n + Number(r.dataset.count), 0)";
                page.waitFor(d -> number(page, own) > 0 && number(page, drawn) == number(page, own));
            }
        }
    }

    static long number(Page page, String js) {
        return ((Number) page.script(js)).longValue();
    }
}
