// The comparison page's own styles, added once at start: two Figure 1s, the delta panel, the charts.
/**
 * Figure 1's rules in blkflow.css are written for the one-run page's #outline; each pane's figure gets
 * the same rules under .pane-outline, copied here rather than repeated in the stylesheet.
 */
export function compareStyles() {
  const copies = [];
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch { continue; }
    for (const r of rules) if (r.selectorText?.includes('#outline')) copies.push(r.cssText.replaceAll('#outline', '.pane-outline'));
  }
  const style = document.createElement('style');
  style.textContent = copies.join('\n') + `
    body.comparing .brand a { color: inherit; text-decoration: none; }
    .compare-main > .story, .compare-main > .error-line { padding: 0 .6rem; }
    .compare-layout { display: grid; grid-template-columns: minmax(0, 1fr) 20rem; gap: .5rem; padding: .4rem .6rem; align-items: start; }
    .panes { display: grid; gap: .5rem; }
    /* Side by side from a laptop's width, so both runs are seen at one moment without scrolling; each
       figure lays itself out for its half (narrower boxes, short labels). Below, A above B. */
    @media (min-width: 1200px) { .panes { grid-template-columns: repeat(2, minmax(0, 1fr)); } }
    .pane-outline { width: 100%; height: auto; display: block; }
    .delta-panel table { border-collapse: collapse; width: 100%; font-size: .85rem; }
    .delta-panel th, .delta-panel td { text-align: right; padding: .15rem .3rem; }
    .delta-panel th:first-child { text-align: left; font-weight: 500; color: var(--muted); }
    body.comparing .controls { flex-wrap: wrap; }
    .compare-timeline { padding-bottom: 26px; }
    .compare-timeline .markers[data-side="A"] { bottom: 13px; }
    .compare-charts-panel, .trace-setup, .edit-sides { margin: .4rem .6rem; }
    .compare-legend { display: flex; flex-wrap: wrap; gap: 1.2rem; font-size: 1rem; margin: .2rem 0 .4rem; }
    .compare-legend span { display: inline-flex; align-items: center; gap: .4rem; }
    .compare-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: .6rem; }
    .compare-charts .chart-title { font-size: 16px; }
    .compare-charts .axis text { font-size: 14px; }
    .compare-charts .series { stroke-width: 2.5; }
    .trace-input { display: grid; gap: .2rem; margin: .4rem 0; }
    .trace-input textarea { width: 100%; font-family: var(--mono); }
    @media (max-width: 700px) { .compare-layout { grid-template-columns: minmax(0, 1fr); } }`;
  document.head.append(style);
}
