// The locks Figure 1 has no place for (lock-places.js places each on what it guards; what is left is
// a lock whose structure is not drawn, such as the ctx of a CPU the figure leaves out): one chip each
// with the CPU holding it and the CPUs spinning on it, from state.locks (the stream's lock moves, so
// only contention shows: an uncontended hold is not in the stream). The figure draws the rest on what
// they guard (lock-figure.js). Hooks: data-lock, data-holder (CPU or empty), data-spinners (count).
import { esc } from '../format.js';

/** @param drawnInFigure () => Set of the lock names Figure 1 draws itself */
export function lockStripView(el, { drawnInFigure = () => new Set() } = {}) {
  const chips = new Map();
  return {
    update(state) {
      const inFigure = drawnInFigure();
      const locks = new Map([...(state.locks || new Map())].filter(([name]) => !inFigure.has(name)));
      el.hidden = locks.size === 0;
      for (const [name, chip] of chips) if (!locks.has(name)) { chip.remove(); chips.delete(name); }
      for (const [name, l] of locks) {
        let chip = chips.get(name);
        if (!chip) {
          chip = document.createElement('span');
          chip.className = 'lock-chip';
          chip.dataset.lock = name;
          el.append(chip);
          chips.set(name, chip);
        }
        const holder = l.holder >= 0 ? String(l.holder) : '';
        const spinners = String(l.spinners.length);
        if (chip.dataset.holder === holder && chip.dataset.spinners === spinners && chip.dataset.who === l.spinners.join(',')) continue;
        chip.dataset.holder = holder;
        chip.dataset.spinners = spinners;
        chip.dataset.who = l.spinners.join(',');
        chip.classList.toggle('held', holder !== '');
        chip.classList.toggle('contended', l.spinners.length > 0);
        chip.innerHTML = `<code>${esc(name)}</code> `
          + (holder !== '' ? `<b>CPU ${holder}</b>` : '<span class="muted">free</span>')
          + (l.spinners.length ? ` · spinning: ${l.spinners.map(c => `CPU ${c}`).join(', ')}` : '');
        chip.title = holder !== ''
          ? `${name}: held by CPU ${holder}${l.spinners.length ? `, CPUs ${l.spinners.join(', ')} spin for it in ticket order` : ''}`
          : `${name}: nobody holds it while others wait (uncontended holds are not in the stream)`;
      }
    },
  };
}
