// Figure 1's spinlocks, drawn on what they guard (lock-places.js): a tab naming the CPU holding the
// lock and the CPUs spinning on it in ticket order, live from state.locks, which state.js keeps from
// the stream's lock moves (only contention is in the stream: a lock nobody waits for reads free).
// One element per lock carries the hooks: g[data-lock] with data-holder (CPU or empty) and
// data-spinners (count). Locks with no place in the figure are left to the strip (lock-strip.js).
import { lockPlaces } from '../lock-places.js';
import { fitText, textWidth } from '../layout-parts.js';

export function lockFigure() {
  let layer = null;
  let key = '';
  let places = new Map();

  /** Rebuilds the tabs when the figure was redrawn (a new frame drops every element) or the locks changed. */
  function frame(svg, geo, names) {
    const k = `${geo.width}:${geo.font}:${names.join('|')}`;
    if (layer && layer.node().isConnected && k === key) return;
    key = k;
    places = lockPlaces(geo, names);
    layer?.remove();
    layer = svg.append('g').attr('class', 'locks-drawn');
    for (const [name, p] of places) {
      const g = layer.append('g').attr('class', `lock-tab ${p.side}`).attr('data-lock', name)
        .attr('data-holder', '').attr('data-spinners', '0');
      g.append('title');
      g.append('rect').attr('class', 'lock-bg').attr('height', p.h).attr('rx', 3);
      g.append('path').attr('class', 'lock-icon');
      g.append('text').attr('class', 'lock-text');
    }
  }

  function update(svg, geo, state) {
    const locks = state.locks || new Map();
    frame(svg, geo, [...locks.keys()]);
    const f = geo.font;
    for (const [name, p] of places) {
      const l = locks.get(name) ?? { holder: -1, spinners: [] };
      const g = layer.select(`g[data-lock="${CSS.escape(name)}"]`);
      const holder = l.holder >= 0 ? String(l.holder) : '';
      const who = l.spinners.join(',');
      if (g.attr('data-holder') === holder && g.attr('data-who') === who && g.attr('data-drawn') === key) continue;
      g.attr('data-holder', holder).attr('data-spinners', String(l.spinners.length)).attr('data-who', who).attr('data-drawn', key)
        .classed('held', holder !== '').classed('contended', l.spinners.length > 0);
      g.select('title').text(holder !== ''
        ? `${name}: held by CPU ${holder}${l.spinners.length ? `; CPUs ${l.spinners.join(', ')} spin for it in ticket order` : ''}`
        : `${name}: free (an uncontended hold is not in the stream)`);
      // Free per-queue locks show only the padlock: eight "free" tabs would bury the queues they sit on.
      const label = tabLabel(p, name, holder, l.spinners, f);
      const w = Math.min(p.w, f + 10 + (label ? textWidth(label, f) + 4 : 0));
      const x = p.align === 'end' ? p.x + p.w - w : p.x;
      // A long tab over a box's STOPPED badge rises above it instead of hiding it.
      const y = p.clearX !== undefined && x < p.clearX ? p.y - p.lift : p.y;
      g.select('.lock-bg').attr('x', x).attr('y', y).attr('width', w);
      g.select('.lock-icon').attr('d', padlock(x + 4, y + 3, f));
      g.select('.lock-text').attr('x', x + f + 6).attr('y', y + p.h - 5).text(label);
    }
  }

  return { update, drawn: () => new Set(places.keys()) };
}

/**
 * The text of a lock's tab at its place {@code p} (lock-places.js): its holder ('' when free) and spinners,
 * at font f; '' for a free lock that shows only its padlock.
 */
export function tabLabel(p, name, holder, spinners, f) {
  return holder === '' && p.brief ? '' : fitText(p.w - f - 14, f, ...texts(name, p.short, holder, spinners));
}

/**
 * What the tab says, longest first; the first that fits is shown. A lock with a short name keeps it in
 * front of every shorter form, down to the name alone, so two tabs side by side never both read "free".
 */
function texts(name, short, holder, spinners) {
  const cpus = spinners.length ? ` · spinning: ${spinners.map(c => `CPU ${c}`).join(', ')}` : '';
  const spin = spinners.length ? ` · spinning: ${spinners.join(', ')}` : '';
  const brief = spinners.length ? ` ⟳ ${spinners.join(',')}` : '';
  const named = holder === '' ? [`${name} · free`] : [`${name} · CPU ${holder}${cpus}`, `${name} · CPU ${holder}${spin}`];
  const bare = holder === '' ? ['free']
    : [`CPU ${holder}${spin}`, `CPU ${holder}${brief}`, `${holder}${spinners.length ? ` ⟳${spinners.length}` : ''}`];
  return short ? [...named, ...bare.map(t => `${short}: ${t}`), short] : [...named, ...bare];
}

/** A padlock f pixels high: a shackle arc over a body. */
function padlock(x, y, f) {
  const w = f * 0.7, bodyY = y + f * 0.42, r = w * 0.3;
  return `M${x + w / 2 - r},${bodyY} v${-f * 0.12} a${r},${r} 0 0 1 ${2 * r},0 v${f * 0.12}`
    + ` M${x},${bodyY} h${w} v${f * 0.5} h${-w} z`;
}
