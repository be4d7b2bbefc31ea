// Requests drawn on one <canvas> laid over Figure 1's SVG, for counts where a thousand moving SVG
// elements cost more than a frame. The SVG keeps the queues, labels and their clicks (the canvas lets
// pointer events through); this layer keeps its own tweens (interpolate.js), draws at most once per
// animation frame, and answers "which request is under this point" so a click still selects one.
// Its own compositing layer (will-change), so a frame repaints the requests, not the whole SVG.
import { retarget, at, moving, requestAt } from '../interpolate.js';

export function requestCanvas(svgEl) {
  let W = 960, H = 540;
  let font = 12;
  let tweens = new Map();
  let size = 8;
  let selected = -1;
  let piles = [];
  let pending = 0;
  let scale = 0;
  let shownWidth = W;
  const canvas = overlay(svgEl);
  const ctx = canvas.getContext('2d');
  // Read the SVG's width only when it changes: asking every frame would force a layout every frame.
  new ResizeObserver(entries => { shownWidth = entries[0].contentRect.width || W; }).observe(svgEl);

  /** Called after the SVG was rebuilt for a new topology or size: nothing drawn moves on from the old one. */
  function attach(width, height) {
    W = width;
    H = height;
    scale = 0;
    tweens = new Map();
    piles = [];
  }

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
    drawPiles();
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

  /** The SVG's "+N" pile counts are under the canvas, so the canvas writes them over its requests. */
  function drawPiles() {
    ctx.font = `700 ${font}px ui-monospace, monospace`;
    ctx.textAlign = 'end';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    ctx.fillStyle = '#111827';
    for (const p of piles) {
      ctx.strokeText(`+${p.over}`, p.box.x + p.box.w - 3, p.box.y + p.box.h - 2);
      ctx.fillText(`+${p.over}`, p.box.x + p.box.w - 3, p.box.y + p.box.h - 2);
    }
  }

  function tick(ts) {
    pending = 0;
    draw(ts);
    if (moving(tweens, ts)) pending = requestAnimationFrame(tick);
  }

  return {
    attach,
    /** New targets (Map id → {x, y, fill, write}); drawn now, then once a frame while anything moves. */
    update(targets, itemSize, ms, selectedId, pileCounts = [], fontSize = font) {
      size = itemSize;
      font = fontSize;
      piles = pileCounts;
      selected = selectedId;
      const now = performance.now();
      tweens = retarget(tweens, targets, now, ms);
      if (pending) cancelAnimationFrame(pending);
      pending = 0;
      draw(now);
      if (moving(tweens, now)) pending = requestAnimationFrame(tick);
    },
    clear() { if (tweens.size || pending || piles.length) this.update(new Map(), size, 0, -1); },
    /** The request under a point in SVG coordinates, or -1. */
    requestAt(x, y) { return requestAt(tweens, performance.now(), x, y, size); },
    /** Where each request is drawn now, in SVG coordinates (for tests and measurements). */
    drawn() {
      const now = performance.now();
      return [...tweens.values()].filter(tw => !tw.leaving).map(tw => ({ id: tw.id, ...at(tw, now), size }));
    },
  };
}

/** A canvas exactly over the SVG: both sit in one positioned box, the SVG setting its size. */
function overlay(svgEl) {
  const box = document.createElement('div');
  box.className = 'outline-box';
  svgEl.before(box);
  box.append(svgEl);
  const canvas = document.createElement('canvas');
  canvas.className = 'request-layer';
  canvas.dataset.role = 'request-canvas';
  canvas.setAttribute('aria-hidden', 'true');
  box.append(canvas);
  return canvas;
}
