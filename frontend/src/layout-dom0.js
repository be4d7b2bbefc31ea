// Where Figure 1 puts dom0 for xen-blkfront: a row under the device of dom0's vCPUs (numbered after the
// guest's, as the model numbers them), each holding the blkback threads of the rings it serves. Added
// under whichever layout the mode has (blk-mq or the request_fn queue), so the guest side stays as it is.
// dom0's locks have their room here (lock-places.js puts them in it): Xen's, which every ring's grant
// operations take, on the row's header line (the row's label, then Xen's flush_lock and the guest's grant
// table lock), each ring's blk_ring_lock on a third line of its thread's chip.
import { MARGIN, metrics, columns, contentWidth, lockTab } from './layout-parts.js';

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
  const tab = lockTab(geo.font, m.tight);
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
  // The label takes 3/16 ("dom0" is enough of it), Xen's flush_lock 11/32 and the grant table's lock, the
  // one blkback threads spin on, the rest: on a phone's page (a 362 px figure) each tab still has room for
  // its short name and its state ("flush: free", "grant: CPU 5 ⟳ 6": lock-places.js, lock-figure.js).
  const labelW = contentW * 3 / 16;
  const flushW = contentW * 11 / 32;
  const row = {
    x: MARGIN, w: contentW, y, h: cpuY + cpuH + (m.tight ? 0 : 4) - y, cpus,
    labelW: labelW - 6,
    flushLock: { x: MARGIN + labelW, w: flushW - 3, y, h: tab },
    lock: { x: MARGIN + labelW + flushW, w: contentW - labelW - flushW, y, h: tab },
  };
  return { ...geo, dom0: row, height: row.y + row.h + MARGIN };
}
