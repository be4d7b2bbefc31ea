// Where each request drawn on the outline's canvas is at a given moment. A tween runs from where the
// request was when its target last changed to where it is going, eased like the SVG transitions
// (d3.easeCubicInOut). Pure: no DOM and no clock of its own, so node --test can check it.

/** d3.easeCubicInOut, so canvas and SVG requests move alike. */
export function easeCubicInOut(t) {
  return t < 0.5 ? 4 * t * t * t : 1 - ((-2 * t + 2) ** 3) / 2;
}

/** d3.easeCubicOut: for a move retargeted mid-flight, which is already going and must not stall. */
export function easeCubicOut(t) {
  return 1 - (1 - t) ** 3;
}

/**
 * Position and opacity of one tween at `now` (ms). Opacity runs linearly on its own clock, so a
 * request retargeted every frame still fades in, and moves keep going instead of restarting slowly.
 */
export function at(tw, now) {
  const p = progress(tw.t0, tw.ms, now);
  const e = tw.flying ? easeCubicOut(p) : easeCubicInOut(p);
  const f = progress(tw.fadeT0, tw.ms, now);
  return { x: tw.x0 + (tw.x1 - tw.x0) * e, y: tw.y0 + (tw.y1 - tw.y0) * e, o: tw.o0 + (tw.o1 - tw.o0) * f };
}

const progress = (t0, ms, now) => (ms > 0 ? Math.min(1, Math.max(0, (now - t0) / ms)) : 1);

const finished = (tw, now) => now >= Math.max(tw.t0, tw.fadeT0) + tw.ms;

/**
 * The tweens after the requests' targets change. targets: Map id → {x, y, fill, write}. A request
 * whose target did not move keeps its running tween; one that moved starts from where it is drawn
 * now; a new one fades in at its target; one that left fades out where it was (as SVG exits do).
 */
export function retarget(prev, targets, now, ms) {
  const next = new Map();
  for (const [id, to] of targets) {
    const old = prev.get(id);
    if (old && !old.leaving && old.x1 === to.x && old.y1 === to.y) { next.set(id, { ...old, fill: to.fill, write: to.write }); continue; }
    const from = old ? at(old, now) : { x: to.x, y: to.y };
    const fade = old && !old.leaving ? { o0: old.o0, fadeT0: old.fadeT0 } : { o0: old ? from.o : 0, fadeT0: now };
    next.set(id, { id, fill: to.fill, write: to.write, leaving: false, flying: !!old && !finished(old, now),
      x0: from.x, y0: from.y, x1: to.x, y1: to.y, o1: 1, t0: now, ms, ...fade });
  }
  for (const [id, old] of prev) {
    if (targets.has(id) || ms === 0) continue;
    if (old.leaving) { if (!finished(old, now)) next.set(id, old); continue; }
    const from = at(old, now);
    next.set(id, { ...old, leaving: true, x0: from.x, y0: from.y, o0: from.o, x1: from.x, y1: from.y, o1: 0, t0: now, fadeT0: now, ms });
  }
  return next;
}

/** True while any tween still has somewhere to go. */
export function moving(tweens, now) {
  for (const tw of tweens.values()) if (!finished(tw, now)) return true;
  return false;
}

/** The request drawn topmost (last) under point (x, y), leaving ones excluded; -1 when none. */
export function requestAt(tweens, now, x, y, size) {
  let hit = -1;
  for (const tw of tweens.values()) {
    if (tw.leaving) continue;
    const p = at(tw, now);
    if (x >= p.x && x <= p.x + size && y >= p.y && y <= p.y + size) hit = tw.id;
  }
  return hit;
}
