// Where Figure 1 puts dom0 for xen-blkfront: a row under the device of dom0's vCPUs (numbered after the
// guest's, as the model numbers them), each holding the blkback threads of the rings it serves. Added
// under whichever layout the mode has (blk-mq or the request_fn queue), so the guest side stays as it is.
// dom0's locks have their room here (lock-places.js puts them in it): Xen's, which every ring's grant
// operations take, on the row's header line (Xen's flush_lock after the row's label in the left half,
// the guest's grant table lock in the right half), each ring's blk_ring_lock on a third line of its
// thread's chip.
import { MARGIN, metrics, columns, contentWidth } from './layout-parts.js';

/** The layout {@code geo} with a dom0 row below it; {@code dom0} from blkback.js's dom0Of(). */
export function withDom0(geo, dom0) {
  if (!dom0) return geo;
  const m = metrics(geo.font, geo.tight);
  const contentW = contentWidth(geo.width, m);
  // Presenting, closer under the device row and less air round dom0's vCPUs (metrics: tight).
  const air = m.tight ? 1 : 4;
  const y = geo.height - (m.tight ? MARGIN / 2 : 0);
  const perCpu = Math.max(...dom0.cpus.map(cpu => dom0.rings.filter(r => r.cpu === cpu).length), 1);
  // Three lines a thread: its name, what it is doing (sleeps, woken, runs · the function), its ring's lock.
  const tab = geo.font + 6;
  // Presenting's shorter lines leave the status line's descenders two pixels more before the lock.
  const lockY = 2 * m.line + (m.tight ? 4 : 2);
  const chipH = lockY + tab + 2;
  const cpuY = y + m.line + 4;
  const cpuH = m.line + perCpu * (chipH + 3) + air;
  const cols = columns(dom0.cpus.length, MARGIN, contentW);
  const cpus = dom0.cpus.map((cpu, i) => {
    const col = cols[i];
    const threads = dom0.rings.filter(r => r.cpu === cpu).map((r, k) => ({
      ring: r.ring, x: col.x + 3, w: col.w - 6, y: cpuY + m.line + 2 + k * (chipH + 3), h: chipH,
    })).map(t => ({ ...t, lock: { x: t.x + 2, w: t.w - 4, y: t.y + lockY, h: tab } }));
    return { cpu, x: col.x, w: col.w, y: cpuY, h: cpuH, threads };
  });
  const half = contentW / 2;
  const row = {
    x: MARGIN, w: contentW, y, h: cpuY + cpuH + (m.tight ? 0 : 4) - y, cpus,
    labelW: half / 2 - 6,
    flushLock: { x: MARGIN + half / 2, w: half / 2 - 3, y, h: tab },
    lock: { x: MARGIN + half, w: half, y, h: tab },
  };
  return { ...geo, dom0: row, height: row.y + row.h + MARGIN };
}
