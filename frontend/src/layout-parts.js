// What every layout of Figure 1 shares: the metrics that follow the font size, the CPU row, the
// driver, device and "done" lanes, and the places items are stacked in. A mode's layout adds its own
// middle rows (layout.js for blk-mq, layout-legacy.js for the request_fn queue and bio-based drivers).
// Geometry is in on-screen pixels: the drawing is laid out for the width it is shown at, so a 12 px
// label is 12 px on a laptop and 16 px on a projector, whatever the number of CPUs.
export const MARGIN = 8;
/** Below this width "done" goes under the device instead of beside it (a phone held upright). */
export const NARROW = 560;
/** A glyph of the UI font is at most this many ems wide on average: enough to decide what fits. */
const EM_PER_CHAR = 0.62;

/**
 * A lock's tab: a line of the figure's text and its padlock (lock-places.js, views/lock-figure.js), with
 * two pixels less air presenting, as metrics() keeps for label lines and requests.
 */
export const lockTab = (font, tight = false) => font + (tight ? 4 : 6);

/** The room under a lane's requests that keeps a lock's tab drawn inside the lane clear of them. */
export const lockRow = (font, tight = false) => lockTab(font, tight) + (tight ? 1 : 3);

/**
 * Line and item sizes for a font size: a request is wide enough for a 4-digit id and a bio count.
 * {@code gap} is the room between two rows of queues, for the edges between them to read as arrows and
 * for a lock's tab (lockTab) on the lower box's top edge. Presenting ({@code tight}),
 * the figure has a projector's height to fit in (fit-font.js): label lines, requests and lanes keep two
 * pixels less air and rows are a tab apart, not two lines, so that it fits at a larger font; the page's
 * own layout is as it was.
 */
export function metrics(font, tight = false) {
  if (!tight) {
    const item = { w: Math.round(font * 2.6), h: font + 6 };
    return { font, line: font + 5, item, row: item.h + 2, pad: 3, gap: 2 * (font + 5) };
  }
  const item = { w: Math.round(font * 2.6), h: font + 4 };
  return { font, line: font + 3, item, row: item.h + 2, pad: 2, tight, gap: font + 8 };
}

/**
 * Every layout of Figure 1 takes its options as one object ({ width, font, tight, … }); a caller still
 * passing them one by one (layout(topology, 960, 12)) would get a figure of NaN pixels, so it fails here.
 */
export function checkWidth(width) {
  if (!(width > 0)) throw new TypeError(`a Figure 1 layout takes { width, font, tight, … }: width was ${width}`);
}

/** The drawing's font size: 12 px in the page, 16 px when the figure fills a projector. */
export const fontFor = present => (present ? 16 : 12);

export const textWidth = (text, font) => String(text).length * EM_PER_CHAR * font;

/** The first of the texts that fits in w pixels, or '' when none does (text is hidden, never shrunk). */
export function fitText(w, font, ...texts) {
  return texts.find(t => textWidth(t, font) <= w) ?? '';
}

/**
 * The STOPPED badge's bold capitals, spaced .05em apart (blkflow.css), run this much wider than the
 * average glyph textWidth() assumes: STOPPED at 12 px is 67 px in DejaVu Sans Bold, 52 px by textWidth.
 */
export const CAPS = 1.3;

/**
 * The badge's word that fits {@code room} px at {@code font}: STOPPED, else STOP, else a square; and its
 * width as drawn (the square is an em wide, not an average glyph).
 */
export function badgeLabel(room, font) {
  const label = fitText(room, font * CAPS, 'STOPPED', 'STOP');
  return label ? { label, width: textWidth(label, font * CAPS) } : { label: '■', width: font };
}

/**
 * Where a stopped queue's badge sits on box {@code b}'s top edge: centred, as wide as its word, never
 * wider than the box (sixteen hctxs in a comparison pane are a couple of letters wide each). Its lower
 * half comes down to the box's title line. Where {@code title} would run under the centred badge and
 * the box has a {@code shortTitle}, the title gives way while the queue is stopped ({@code title} is
 * what it shows then): to the short one with the badge after it, or, where the badge's word has no room
 * after that either, to none under the centred badge. {@code title} is null where the title stays.
 */
export function edgeBadge(b, font, title = '', shortTitle = null) {
  const centred = badgeLabel(b.w - 12, font);
  const w = Math.min(centred.width + 10, b.w);
  const badge = { x: b.x + b.w / 2 - w / 2, w, label: centred.label, title: null };
  if (!title || shortTitle === null || b.x + 4 + textWidth(title, font) + 2 <= badge.x) return badge;
  // Beside the short title the badge has the rest of the edge, with a little less padding than centred.
  const x = b.x + 4 + textWidth(shortTitle, font) + 3;
  const room = b.x + b.w - 1 - x;
  const beside = badgeLabel(room - 8, font);
  if (beside.width + 2 > room) return { ...badge, title: '' };
  return { x, w: Math.min(beside.width + 8, room), label: beside.label, title: shortTitle };
}

export function columns(n, x0, w) {
  const gap = Math.min(12, (w / n) * 0.15);
  const cw = (w - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: x0 + i * (cw + gap), w: cw }));
}

/** Height of a lane holding `rows` rows of items under a label line. */
export const laneHeight = (m, rows, labelled = true) => (labelled ? m.line : 0) + rows * m.row + 2 * m.pad;

/**
 * A CPU box: its label, its submitting task's lane (bios), its plug list (current->plug->mq_list).
 * Presenting (m.tight), where "CPU NN" leaves the task two bios' room beside it, the task's lane is on
 * the label's line, right of the label ({@code labelW}); every CPU of a row alike, so the row is level.
 */
export function cpuBox(cpu, col, y, m) {
  const labelW = textWidth('CPU 00', m.font) + 8;
  const beside = m.tight && col.w - labelW >= 2 * m.item.w + 8;
  const task = beside ? { x: col.x + labelW, w: col.w - labelW, y: y + 1, h: laneHeight(m, 1, false) }
    : { x: col.x, w: col.w, y: y + m.line, h: laneHeight(m, 1, false) };
  const plug = { x: col.x, w: col.w, y: task.y + task.h + 2, h: laneHeight(m, 2) };
  return { cpu, ...col, y, h: plug.y + plug.h - y + 2, task, plug, ...(beside ? { labelW } : {}) };
}

/** The height of a row of CPU boxes {@code w} wide (presenting, narrow ones keep the task's own line). */
export const cpuRowHeight = (m, w = Infinity) => cpuBox(0, { x: 0, w }, 0, m).h;

/**
 * The lanes under the queues: driver and device rows across the content width, and "done" beside
 * them, or under them on a narrow screen. Returns the boxes and the height used.
 */
export function stageRows(width, y, m, deviceRows, deviceLocks = false) {
  const narrow = width < NARROW;
  const doneW = narrow ? 0 : 10 * m.font;
  const contentW = width - 2 * MARGIN - (narrow ? 0 : doneW + MARGIN);
  const { driver, device, bottom } = laneRows(MARGIN, contentW, y, m, deviceRows, deviceLocks);
  const done = narrow ? narrowDone(width, bottom, m) : { x: width - doneW - MARGIN, w: doneW, y, h: bottom - y };
  return { driver, device, done, contentW, bottom: Math.max(bottom, done.y + done.h) + MARGIN };
}

/**
 * The driver row over the device row, {@code w} wide at x, from y; {@code bottom} is the device row's.
 * With {@code deviceLocks} (xen-blkfront's ring locks, drawn inside the ring they guard) the device row
 * keeps a tab's line under its requests: {@code lockY} is that line's top.
 */
export function laneRows(x, w, y, m, deviceRows, deviceLocks = false) {
  const driver = { x, w, y, h: laneHeight(m, 1) };
  const lock = deviceLocks ? lockRow(m.font, m.tight) : 0;
  const device = { x, w, y: driver.y + driver.h + 4, h: laneHeight(m, deviceRows) + lock };
  if (deviceLocks) device.lockY = device.y + device.h - lock;
  return { driver, device, bottom: device.y + device.h };
}

/** The width left for CPUs and queues beside "done". */
export const contentWidth = (width, m) => stageRows(width, 0, m, 1).contentW;

/** Where items stack in a labelled box: below its label line. */
export const under = (b, m) => ({ x: b.x, w: b.w, y: b.y + m.line, h: b.h - m.line });

/** "done" under the device rows on a phone: its label's line, a row of completed requests, its count's line. */
export const narrowDone = (width, bottom, m) => ({ x: MARGIN, w: width - 2 * MARGIN, y: bottom + 6, h: laneHeight(m, 1) + m.line });

/**
 * Where completed requests stack in "done": below its label and above its last line, which is the count
 * of completions (outline-parts.js drawDone); a phone's one-row "done" drew its request over the count.
 */
export const donePlace = (b, m) => ({ ...under(b, m), h: b.h - 2 * m.line });

/** The places every mode has: task and plug lists per CPU, driver and device lanes, and done. */
export function commonPlaces(l, m, stageCols) {
  const places = new Map();
  l.cpus.forEach(c => { places.set(`task:${c.cpu}`, c.task); places.set(`plug:${c.cpu}`, under(c.plug, m)); });
  stageCols.forEach((c, i) => {
    places.set(`driver:${i}`, { ...under(l.driver, m), x: c.x, w: c.w });
    const device = under(l.device, m);
    // Requests stack above the device row's lock line, when it has one.
    if (l.device.lockY !== undefined) device.h = l.device.lockY - device.y;
    places.set(`device:${i}`, { ...device, x: c.x, w: c.w });
  });
  places.set('done', donePlace(l.done, m));
  return places;
}
