// Where Figure 1 puts dom0 for xen-blkfront: a row under the device of dom0's vCPUs (numbered after the
// guest's, as the model numbers them), each holding the blkback threads of the rings it serves. Added
// under whichever layout the mode has (blk-mq or the request_fn queue), so the guest side stays as it is.
import { MARGIN, metrics, columns, contentWidth } from './layout-parts.js';

/** The layout {@code geo} with a dom0 row below it; {@code dom0} from blkback.js's dom0Of(). */
export function withDom0(geo, dom0) {
  if (!dom0) return geo;
  const m = metrics(geo.font);
  const contentW = contentWidth(geo.width, m);
  const y = geo.height;
  const perCpu = Math.max(...dom0.cpus.map(cpu => dom0.rings.filter(r => r.cpu === cpu).length), 1);
  // Two lines a thread: its name, then what it is doing (sleeps, woken, runs · the function).
  const chipH = 2 * m.line + 4;
  const cpuY = y + m.line + 4;
  const cpuH = m.line + perCpu * (chipH + 3) + 4;
  const cols = columns(dom0.cpus.length, MARGIN, contentW);
  const cpus = dom0.cpus.map((cpu, i) => {
    const col = cols[i];
    const threads = dom0.rings.filter(r => r.cpu === cpu).map((r, k) => ({
      ring: r.ring, x: col.x + 3, w: col.w - 6, y: cpuY + m.line + 2 + k * (chipH + 3), h: chipH,
    }));
    return { cpu, x: col.x, w: col.w, y: cpuY, h: cpuH, threads };
  });
  const row = { x: MARGIN, w: contentW, y, h: cpuY + cpuH + 4 - y, cpus };
  return { ...geo, dom0: row, height: row.y + row.h + MARGIN };
}
