// Requests drawn on one <canvas> inside Figure 1's SVG, for counts where a thousand moving SVG
// elements cost more than a frame. The SVG keeps the queues, labels and their clicks; this layer
// keeps its own tweens (interpolate.js), draws at most once per animation frame, and answers
// "which request is under this point" so a click still selects a request.
import { retarget, at, moving, requestAt } from '../interpolate.js';

const NS = 'http://www.w3.org/2000/svg';

export function requestCanvas(svgEl, W, H) {
  let tweens = new Map();
  let size = 8;
  let selected = -1;
  let pending = 0;
  let canvas = null;
  let ctx = null;
  let scale = 0;

  /** Called after frame() rebuilt the SVG: the layer goes just under the SVG request group. */
  function attach() {
    const fo = document.createElementNS(NS, 'foreignObject');
    fo.setAttribute('class', 'request-layer');
    fo.setAttribute('x', 0); fo.setAttribute('y', 0); fo.setAttribute('width', W); fo.setAttribute('height', H);
    canvas = document.createElement('canvas');
    canvas.dataset.role = 'request-canvas';
    canvas.style.cssText = `width:${W}px;height:${H}px;display:block;pointer-events:none`;
    fo.append(canvas);
    svgEl.insertBefore(fo, svgEl.querySelector('g.requests'));
    ctx = canvas.getContext('2d');
    scale = 0;
    tweens = new Map();
    shownWidth = svgEl.getBoundingClientRect().width || W;
  }

  // Read the SVG's width only when it changes: asking every frame would force a layout every frame.
  let shownWidth = W;
  new ResizeObserver(entries => { shownWidth = entries[0].contentRect.width || W; }).observe(svgEl);

  /** Sharp at the size the SVG is shown: the backing store follows the on-screen width. */
  function fit() {
    const s = Math.max(1, Math.min(3, (shownWidth / W) * (window.devicePixelRatio || 1)));
    if (Math.abs(s - scale) < 0.05) return;
    scale = s;
    canvas.width = Math.round(W * s);
    canvas.height = Math.round(H * s);
  }

  function draw(now) {
    fit();
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const solid = new Map();
    let shown = 0;
    for (const tw of tweens.values()) {
      const p = at(tw, now);
      if (!tw.leaving) shown++;
      if (p.o >= 0.999) { (solid.get(tw.fill) ?? solid.set(tw.fill, []).get(tw.fill)).push([tw, p]); continue; }
      ctx.globalAlpha = Math.max(0, p.o);
      ctx.fillStyle = tw.fill;
      ctx.beginPath(); shape(tw, p); ctx.fill();
    }
    ctx.globalAlpha = 1;
    // One path per colour: a thousand requests are a handful of fill calls.
    for (const [fill, list] of solid) {
      ctx.fillStyle = fill;
      ctx.beginPath();
      for (const [tw, p] of list) shape(tw, p);
      ctx.fill();
    }
    outline(now);
    if (canvas.dataset.requests !== String(shown)) canvas.dataset.requests = shown;
  }

  /** Reads are circles, writes squares, as in the SVG. */
  function shape(tw, p) {
    if (tw.write) { ctx.rect(p.x, p.y, size, size); return; }
    ctx.moveTo(p.x + size, p.y + size / 2);
    ctx.arc(p.x + size / 2, p.y + size / 2, size / 2, 0, 2 * Math.PI);
  }

  function outline(now) {
    const tw = tweens.get(selected);
    if (!tw || tw.leaving) return;
    const p = at(tw, now);
    ctx.lineWidth = 2.4;
    ctx.strokeStyle = '#000';
    ctx.beginPath(); shape(tw, p); ctx.stroke();
  }

  function tick(ts) {
    pending = 0;
    draw(ts);
    if (moving(tweens, ts)) pending = requestAnimationFrame(tick);
  }

  return {
    attach,
    /** New targets (Map id → {x, y, fill, write}); drawn now, then once a frame while anything moves. */
    update(targets, itemSize, ms, selectedId) {
      size = itemSize;
      selected = selectedId;
      const now = performance.now();
      tweens = retarget(tweens, targets, now, ms);
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
      draw(now);
      if (moving(tweens, now)) pending = requestAnimationFrame(tick);
    },
    clear() { if (tweens.size || pending) this.update(new Map(), size, 0, -1); },
    /** The request under a point in SVG coordinates, or -1. */
    requestAt(x, y) { return requestAt(tweens, performance.now(), x, y, size); },
    /** Where each request is drawn now, in SVG coordinates (for tests and measurements). */
    drawn() {
      const now = performance.now();
      return [...tweens.values()].filter(tw => !tw.leaving).map(tw => ({ id: tw.id, ...at(tw, now), size }));
    },
  };
}
