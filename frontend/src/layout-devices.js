// Figure 1 for a 7.0 run of several null_blk devices (device.count 2-4): the CPUs (task, plug) once on
// top, as a task has one plug for every queue, then each device's request_queue in a frame of its own,
// nullbN, laid out by the one-device layout's parts (queueRows, laneRows) and numbered as the stream
// numbers it (devices.js): its ctxs and hctxs by their numbers across devices, its scheduler elv:d, its
// requeue list requeue:d, its driver and device lanes driver:N / device:N of its hctxs. Side by side when each device's column still holds labelled requests, else stacked.
// With shared tags (null_blk shared_tags) one bar per shared set under the devices.
import { MARGIN, NARROW, checkWidth, metrics, columns, cpuBox, cpuRowHeight, contentWidth, laneRows, under, narrowDone, donePlace } from './layout-parts.js';
import { cpusShown, queueRows, queuePlaces } from './layout.js';
import { numaBoxes } from './layout-numa.js';
import { MODE } from './labels.js';
import { diskName, ctxNumber, hctxNumber, tagSetHctxs } from './devices.js';

export { diskName };

/** Room inside a device's frame, left and right of its boxes. */
const PAD = 4;

/**
 * @param topology {cpus, hwQueues (each device's), queueDepth, cpuToHctx, devices, sharedTags}
 * @param options  layout()'s: width, font, tight, scheduler, numaNodes, requeueList
 * @returns a layout with the one-device layout's fields (cpus, ctxs and hctxs of every device by their
 *          numbers, places, done; elv, sched, requeue, driver and device of nullb0, whose locks carry no
 *          prefix) and `devices`: each device's own part, which the frame draws as a one-device figure
 */
export function devicesLayout(topology, { width, font = 12, tight = false, scheduler = null, numaNodes = null, requeueList = false } = {}) {
  checkWidth(width);
  const count = topology.devices;
  const shown = cpusShown(topology);
  const m = metrics(font, tight);
  const contentW = contentWidth(width, m);
  const numa = (numaNodes?.length ?? 0) > 1;
  const cpuY = MARGIN + (numa ? m.line + 2 : 0);
  const cpus = columns(shown.length, MARGIN, contentW).map((c, i) => cpuBox(shown[i], c, cpuY, m));
  const side = sideBySide(count, Math.max(shown.length, topology.hwQueues), contentW, m);
  const top = cpuY + cpuRowHeight(m, cpus[0].w) + m.gap;
  const cols = side ? columns(count, MARGIN, contentW) : Array.from({ length: count }, () => ({ x: MARGIN, w: contentW }));
  const devices = [];
  for (let d = 0; d < count; d++) {
    const y = side || d === 0 ? top : devices[d - 1].frame.y + devices[d - 1].frame.h + m.line;
    devices.push(deviceColumn(topology, d, cols[d], y, m, shown, scheduler, requeueList, side || d === 0 ? cpus : null));
  }
  let bottom = Math.max(...devices.map(v => v.frame.y + v.frame.h));
  const tagSets = topology.sharedTags ? tagSetRow(topology, bottom + m.line, contentW, m) : null;
  if (tagSets) bottom = tagSets.y + tagSets.h;
  const done = doneBox(width, devices.at(-1).driver.y, bottom, m);
  const first = devices[0];
  const out = {
    mode: MODE.MQ, width, height: Math.max(bottom, done.y + done.h) + MARGIN, font, side, ...(tight ? { tight } : {}),
    cpus,
    ctxs: devices.flatMap(v => v.ctxs),
    hctxs: devices.flatMap(v => v.hctxs),
    driver: first.driver, device: first.device, done,
    edges: [], pollEdges: [],
    devices,
  };
  if (first.elv) {
    out.elv = first.elv;
    out.sched = first.sched;
  }
  if (first.requeue) out.requeue = first.requeue;
  if (tagSets) out.tagSets = tagSets;
  if (numa) out.numa = numaBoxes(numaNodes, cpus, m);
  out.places = new Map();
  cpus.forEach(c => { out.places.set(`task:${c.cpu}`, c.task); out.places.set(`plug:${c.cpu}`, under(c.plug, m)); });
  for (const v of devices) for (const [k, b] of v.places) out.places.set(k, b);
  out.places.set('done', donePlace(done, m));
  return out;
}

/** Side by side when a device's column gives every ctx and hctx room for two labelled requests. */
function sideBySide(count, columnsPerDevice, contentW, m) {
  const col = columns(count, MARGIN, contentW)[0].w - 2 * PAD;
  return columns(columnsPerDevice, 0, col)[0].w >= 2 * m.item.w + 8;
}

/**
 * Device d in its column from y: its name on the frame's first line, room under it for the ctx locks'
 * tabs, then its ctxs, scheduler lane, hctxs, requeue list, driver and device lanes. {@code cpus} are
 * the CPU boxes its ctxs' edges start from (none for a stacked device under another).
 */
function deviceColumn(topology, d, col, y, m, shown, scheduler, requeueList, cpus) {
  const inner = { x: col.x + PAD, w: col.w - 2 * PAD, y: y + m.line + m.font + 8 };
  const base = { ctx: ctxNumber(topology, d, 0), hctx: hctxNumber(topology, d, 0), queue: d };
  const rows = queueRows(topology, inner, m, shown, scheduler, requeueList, base);
  const lanes = laneRows(inner.x, inner.w, rows.bottom, m, 2);
  const places = queuePlaces(new Map(), rows, m);
  rows.hctxCols.forEach((c, i) => {
    places.set(`driver:${base.hctx + i}`, { ...under(lanes.driver, m), x: c.x, w: c.w });
    places.set(`device:${base.hctx + i}`, { ...under(lanes.device, m), x: c.x, w: c.w });
  });
  return {
    ...rows, disk: d, name: diskName(d), topology, font: m.font,
    frame: { x: col.x, w: col.w, y, h: lanes.bottom + PAD - y },
    driver: lanes.driver, device: lanes.device, places, cpus: cpus ?? [],
    edges: cpus ? rows.edges : [], pollEdges: [],
  };
}

/**
 * The shared tag sets: every device's hctx h takes its driver tags from set h (null_blk shared_tags),
 * so each set is one bar across the devices, each device's share of it a segment.
 */
function tagSetRow(topology, y, contentW, m) {
  const line = m.line + 8;
  const sets = columns(topology.hwQueues, MARGIN + PAD, contentW - 2 * PAD).map((c, s) => ({
    set: s, x: c.x, w: c.w, y: y + m.line, h: line, bar: { x: c.x, w: c.w, y: y + 2 * m.line, h: 5 },
    hctxs: tagSetHctxs(topology, s),
  }));
  return { x: MARGIN, w: contentW, y, h: m.line + line + PAD, depth: topology.queueDepth, sets };
}

/**
 * A bar of driver tags in two parts (a shared set's, or one hctx's): its reserved tags first
 * (reserved_tags, the low tag numbers, never given to a bio), a segment of their own, then its normal
 * tags, the only ones requests hold and hctx_may_queue's fair share divides, so that part is scaled to
 * depth − reserved alone.
 */
export function tagSetBar(bar, depth, reserved = 0) {
  const kept = Math.min(Math.max(0, reserved), depth);
  const r = depth > 0 ? (bar.w * kept) / depth : 0;
  return { reserved: { x: bar.x, w: r }, normal: { x: bar.x + r, w: bar.w - r }, tags: depth - kept };
}

/**
 * A bar of driver tags filled: tagSetBar's parts and what each holder holds of the normal tags, a segment
 * each (every device of a shared set; the one hctx of a one-device bar).
 */
export function tagBarFill(bar, depth, reserved, held) {
  const parts = tagSetBar(bar, depth, reserved);
  return { ...parts, segments: shareSegments(parts.normal, held, parts.tags) };
}

/** What a tag bar's line adds when some tags are reserved: they are not in its count. */
export const reservedNote = reserved => (reserved ? ` (+${reserved} reserved)` : '');

/** An hctx's tags in words, counted as its bar counts them: the normal tags, the reserved ones beside. */
export const tagsInUse = (used, depth, reserved) => `${used} of ${depth - reserved} in use${reservedNote(reserved)}`;

/** A shared set's bar split by device: what each holds a segment, left to right, cut at the bar's end. */
export function shareSegments(bar, held, depth) {
  let x = bar.x;
  return held.map(n => {
    const w = depth ? bar.w * Math.min(1, n / depth) : 0;
    const seg = { x: Math.min(x, bar.x + bar.w), w: Math.max(0, Math.min(w, bar.x + bar.w - x)) };
    x += w;
    return seg;
  });
}

/**
 * Where one active queue's share ends, the next's would, …: a mark every share along the bar (the
 * normal tags' part, {@code tags} of them), inside it.
 */
export function shareMarks(bar, users, share, tags) {
  if (!users || !tags) return [];
  return Array.from({ length: users }, (_, k) => bar.x + bar.w * Math.min(1, ((k + 1) * share) / tags)).filter(x => x < bar.x + bar.w - 0.5);
}

/** "done" beside the last device's driver and device lanes down to the bottom, or under all on a phone. */
function doneBox(width, y, bottom, m) {
  if (width < NARROW) return narrowDone(width, bottom, m);
  const w = 10 * m.font;
  return { x: width - w - MARGIN, w, y, h: bottom - y };
}
