package org.blkflow.browser;

import java.util.Map;

/** Figure 1's text as it is on screen: the smallest font and line box among the texts shown. */
final class FigureText {

    private FigureText() {
    }

    /** {n, minFont, minHeight, smallest}: font px × the drawing's on-screen scale, and rect heights. */
    static final String MEASURE = """
            const svg = document.querySelector('#outline');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            const shown = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim()
              && t.getBoundingClientRect().width > 0 && !t.closest('[display="none"]'));
            const fonts = shown.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
            const heights = shown.map(t => t.getBoundingClientRect().height);
            const i = fonts.indexOf(Math.min(...fonts));
            return {n: shown.length, minFont: Math.min(...fonts), minHeight: Math.min(...heights),
              smallest: i >= 0 ? shown[i].textContent : null, scale, innerWidth: window.innerWidth,
              figureWidth: svg.getBoundingClientRect().width, labels: shown.filter(t => t.classList.contains('rq-label')).length};
            """;

    @SuppressWarnings("unchecked")
    static Map<String, Object> measure(Page page) {
        return (Map<String, Object>) page.script(MEASURE);
    }

    static double number(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
