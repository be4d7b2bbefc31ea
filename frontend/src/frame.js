// One render per animation frame however many messages or clicks arrive before it: a page fed
// hundreds of transitions a second must draw each frame once, not once per message.
export function frameScheduler(render, schedule = cb => requestAnimationFrame(cb)) {
  let dirty = false;
  return function markDirty() {
    if (dirty) return;
    dirty = true;
    schedule(() => { dirty = false; render(); });
  };
}
