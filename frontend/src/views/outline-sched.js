// 7.0's I/O scheduler in Figure 1 (the lane elv:0, placed by layout-sched.js): mq-deadline's read and
// write lists, each in sector order with every request's FIFO number over it, or kyber's token bars
// and per-CPU queues by domain. The requests themselves are drawn by outline.js at the places
// schedSlots gives them; this module draws the still lists and the live token counts and FIFO numbers.
import { box, text, setText } from './outline-parts.js';
import { fitText, textWidth } from '../layout-parts.js';
import { tokensHeld } from '../layout-sched.js';
import { requests, itemsAt } from '../state.js';
import { batchView, batchLines, nextDirection, BATCH_WIDEST } from '../deadline-batch.js';

// What each 7.0 scheduler keeps in its lane, for the lane's label.
const SCHEDULER_LISTS = {
  'mq-deadline': 'per direction: requests in sector order, № = place in the FIFO',
  kyber: 'per-CPU queues by domain, a token of the domain to leave',
};

/** The scheduler lane of request_queue {@code queue} (elv:N: several 7.0 devices have one each). */
export function schedFrame(g, geo, queue = 0) {
  const s = geo.elv.scheduler;
  const elv = `elv:${queue}`;
  // mq-deadline's batch is written on the right of the lane's first line: the lane's name keeps the rest.
  const room = geo.sched.lists ? textWidth(BATCH_WIDEST, geo.font) + 12 : 0;
  const name = fitText(geo.elv.w - 8 - room, geo.font, `${s} (${elv}) · ${SCHEDULER_LISTS[s]}`, `${s} (${elv})`, s);
  box(g, geo.elv, 'stage-box', geo.font, name);
  const b = geo.places.get(elv);
  g.append('rect').attr('class', 'lane elv').attr('data-queue', elv)
    .attr('x', b.x + 1).attr('y', b.y).attr('width', b.w - 2).attr('height', b.h - 2);
  if (geo.sched.lists) deadlineLists(g, geo);
  else kyberQueues(g, geo);
}

/**
 * dd->per_prio's sort_list and fifo_list for each direction, drawn as one list each; the lane's group
 * carries the batch (data-batch-dir, data-batch-count, data-writes-starved), none before a dispatch.
 */
function deadlineLists(g, geo) {
  const f = geo.font;
  g.attr('data-batch-dir', 'none').attr('data-batch-count', 0).attr('data-writes-starved', 0);
  text(g, geo.elv.x + geo.elv.w - 6, geo.elv.y + f, '', 'dd-batch', 'end');
  for (const l of geo.sched.lists) {
    g.append('rect').attr('class', `sched-list ${l.dir}`).attr('data-sched-list', l.dir)
      .attr('x', l.x).attr('y', l.y).attr('width', l.w).attr('height', l.h).attr('rx', 3);
    text(g, l.x + 4, l.y + f, listLabel(l, f, 0), 'lane-label').attr('data-sched-list-label', l.dir);
    text(g, l.x + l.w - 4, l.y + f, '', 'dd-next', 'end').attr('data-sched-list-next', l.dir);
  }
}

/** A list's name, in what is left of its first line beside the "next" mark ({@code mark} wide). */
const listLabel = (l, f, mark) => fitText(l.w - 8 - mark, f, `${l.dir}s · sorted by sector · № in FIFO order`,
  `${l.dir}s · by sector`, `${l.dir}s`, l.dir[0].toUpperCase());

/** kyber's token pools across the lane, then each ctx's kcq lists, one row per domain. */
function kyberQueues(g, geo) {
  const f = geo.font;
  for (const t of geo.sched.tokens) {
    const tg = g.append('g').attr('class', 'kyber-tokens').attr('data-domain', t.domain)
      .attr('data-tokens', t.depth).attr('data-tokens-used', 0);
    text(tg, t.x, t.y + f, '', 'tokens-text');
    tg.append('rect').attr('class', 'tags-free').attr('x', t.x).attr('y', t.y + f + 2).attr('width', t.w).attr('height', 4);
    tg.append('rect').attr('class', 'tags-used').attr('x', t.x).attr('y', t.y + f + 2).attr('width', 0).attr('height', 4);
  }
  for (const q of geo.sched.queues) {
    for (const d of q.domains) {
      g.append('rect').attr('class', `kyber-domain ${d.domain}`).attr('data-ctx', q.ctx).attr('data-domain', d.domain)
        .attr('x', d.x).attr('y', d.y).attr('width', d.w).attr('height', d.h).attr('rx', 2);
      text(g, d.x + d.w - 3, d.y + d.h / 2 + f * 0.35, d.domain[0].toUpperCase(), 'domain-letter', 'end');
    }
  }
}

/**
 * kyber's tokens out per domain, as the stream has placed the requests. With several devices {@code svg}
 * is one device's group and {@code mine} keeps that device's requests: each queue has its own tokens.
 */
export function schedState(svg, geo, state, mine = () => true) {
  if (geo.sched?.lists) deadlineState(svg, geo, state);
  if (!geo.sched?.tokens) return;
  const held = tokensHeld(requests(state).filter(mine));
  for (const t of geo.sched.tokens) {
    const tg = svg.select(`g.kyber-tokens[data-domain="${t.domain}"]`);
    const used = held[t.domain];
    tg.attr('data-tokens-used', used);
    tg.select('.tags-used').attr('width', t.w * Math.min(1, used / t.depth));
    setText(tg.select('.tokens-text'), fitText(t.w, geo.font, `${t.domain} tokens ${used}/${t.depth}`, `${t.domain} ${used}/${t.depth}`,
      `${used}/${t.depth}`));
  }
}

/** Each mq-deadline request's number in its direction's FIFO, over the request (when requests are labelled). */
export function drawFifo(svg, geo, pos, size) {
  const shown = [];
  if (geo.sched?.lists && size.labelled) {
    for (const [key, p] of pos) if (p.fifo && !p.overflow) shown.push({ id: Number(key.slice(4)), p });
  }
  svg.select('g.fifo').selectAll('text').data(shown, d => d.id).join('text')
    .attr('class', 'fifo-number').attr('data-request-id', d => d.id).attr('data-fifo', d => d.p.fifo)
    .attr('text-anchor', 'middle')
    .attr('x', d => d.p.x + size.w / 2).attr('y', d => d.p.y - 3)
    .text(d => `№${d.p.fifo}`);
}

/**
 * mq-deadline's batch as the model left it (deadline-batch.js: the snapshot's after a seek, stepped on
 * from the stream): the batch and its place, writes starved, and the list served next, marked. With
 * several devices {@code svg} is one device's group, whose lane is elv:queueNo.
 */
function deadlineState(svg, geo, state) {
  const f = geo.font;
  const elv = `elv:${geo.queueNo ?? 0}`;
  const lane = state.deadline?.[elv];
  const v = batchView(lane);
  const next = v.dir === 'none' ? { dir: 'none' } : nextDirection(lane, itemsAt(state, elv));
  const g = svg.select('g.scheduler')
    .attr('data-batch-dir', v.dir).attr('data-batch-count', v.count).attr('data-writes-starved', v.starved)
    .attr('data-next-dir', next.dir);
  setText(g.select('text.dd-batch'), fitText(geo.elv.w - 12, f, ...batchLines(v)));
  for (const l of geo.sched.lists) {
    const marked = l.dir === next.dir;
    const mark = marked ? fitText(l.w / 2, f, next.fromDispatch ? 'next: requeued' : 'served next', 'next', '▸') : '';
    g.select(`rect.sched-list[data-sched-list="${l.dir}"]`).classed('next', marked).attr('data-next', marked ? 'true' : null);
    setText(g.select(`text[data-sched-list-next="${l.dir}"]`), mark);
    setText(g.select(`text[data-sched-list-label="${l.dir}"]`), listLabel(l, f, mark ? textWidth(mark, f) + 6 : 0));
  }
}
