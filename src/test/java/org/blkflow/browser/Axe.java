package org.blkflow.browser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** axe-core (the org.webjars.npm:axe-core test dependency) run in the page: its violations, worst first. */
final class Axe {

    private static final String SCRIPT = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";

    private Axe() {
    }

    static String source() throws IOException {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) throw new IllegalStateException("axe-core is not on the test classpath: " + SCRIPT);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every violation as {id, impact, nodes, targets}: the whole page, axe's default rules. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> violations(Page page) throws IOException {
        if (!Boolean.TRUE.equals(page.script("return !!window.axe"))) page.script(source());
        return (List<Map<String, Object>>) page.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact, nodes: v.nodes.length,
                  targets: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').split('\\n')[1])}))))
                  .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: 0, targets: [String(e)]}]));
                """);
    }

    static List<Map<String, Object>> seriousOrCritical(List<Map<String, Object>> all) {
        return all.stream().filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact"))).toList();
    }
}
