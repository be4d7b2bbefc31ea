// Figure 2 as an overlay next to what was clicked, where the page has no column for it (below
// 1200 px the inspector would otherwise sit under the fold). Escape or its close button hides it.
const OVERLAY_BELOW = '(max-width: 1200px)';
// Room kept between the overlay, what it describes and the window's edges.
const GAP = 8;

export function inspectorOverlay(panel) {
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'overlay-close';
  close.dataset.action = 'close-inspector';
  close.setAttribute('aria-label', 'close the inspector');
  close.textContent = '×';
  panel.prepend(close);
  const narrow = window.matchMedia(OVERLAY_BELOW);

  function hide() {
    panel.classList.remove('overlay');
    panel.style.left = panel.style.top = '';
  }
  close.addEventListener('click', hide);
  document.addEventListener('keydown', ev => { if (ev.key === 'Escape') hide(); });
  narrow.addEventListener('change', () => { if (!narrow.matches) hide(); });

  return {
    /** Beside the anchor if there is room on its right, else on its left, else over it; always on screen. */
    openNear(anchor) {
      if (!narrow.matches || !anchor) return;
      panel.classList.add('overlay');
      const a = anchor.getBoundingClientRect();
      const w = panel.offsetWidth, h = panel.offsetHeight;
      let x = a.right + GAP;
      if (x + w > innerWidth - GAP) x = a.left - w - GAP;
      if (x < GAP) x = Math.max(GAP, Math.min(innerWidth - w - GAP, a.left));
      const y = Math.max(GAP, Math.min(innerHeight - h - GAP, a.top));
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
      panel.dataset.anchor = anchor.dataset.item ?? anchor.dataset.seq ?? anchor.dataset.queue ?? '';
    },
    hide,
  };
}
