// Figure 1 for several 7.0 null_blk devices (layout-devices.js places them): the CPUs once, then each
// device's request_queue in its frame (g.request-queue[data-device="d"]) drawn by the one-device
// figure's own pieces, and under shared tags one bar per shared tag set, each device's share of it a
// segment. Live: the one-device hctx labels, kyber's tokens per device, the shared sets' use, their
// active queues and the fair share each may hold (marks on the bar, one share apart).
import { box, text, setText, drawCpus, drawLanes, drawDone } from './outline-parts.js';
import { drawCtxs, drawHctxs, drawEdges, drawRowLabels, queueRowLabels, requeueLane, hctxState } from './outline-frame.js';
import { schedFrame, schedState } from './outline-sched.js';
import { numaFrame } from './outline-numa.js';
import { fitText } from '../layout-parts.js';
import { deviceOf } from '../state.js';
import { diskName, shareMarks, tagSetBar, tagBarFill, reservedNote } from '../layout-devices.js';

export function devicesFrame(svg, geo, scenario) {
  if (geo.numa) numaFrame(svg.append('g').attr('class', 'numa'), geo);
  // Edges under everything, outside the devices' groups: a group's box is its device's frame.
  const edges = svg.append('g').attr('class', 'edges');
  geo.devices.forEach(dev => drawEdges(edges, dev));
  // Side by side the devices' rows are level, so one name per row; stacked, each device's rows have theirs.
  const rows = geo.side ? queueRowLabels(geo.devices[0]) : geo.devices.flatMap(queueRowLabels);
  drawRowLabels(svg.append('g').attr('class', 'row-labels'), geo, [['CPUs', 'task, plug', geo.cpus[0]], ...rows]);
  drawCpus(svg.append('g').attr('class', 'cpus'), geo);
  for (const dev of geo.devices) drawDevice(svg, dev, scenario);
  if (geo.tagSets) tagSetsFrame(svg, svg.append('g').attr('class', 'tag-sets'), geo, scenario?.reservedTags ?? 0);
  drawDone(svg.append('g').attr('class', 'lanes'), geo);
}

/** One device's request_queue: its frame and name, ctxs, hctxs, scheduler, requeue list, driver and device. */
function drawDevice(svg, dev, scenario) {
  const g = svg.append('g').attr('class', 'request-queue').attr('data-device', dev.disk).attr('data-disk', dev.name);
  const f = dev.frame;
  g.append('rect').attr('class', 'device-frame').attr('x', f.x).attr('y', f.y).attr('width', f.w).attr('height', f.h).attr('rx', 6);
  const first = dev.hctxs[0].hctx, last = dev.hctxs.at(-1).hctx;
  const hctxs = first === last ? `hctx ${first}` : `hctx ${first}–${last}`;
  text(g, f.x + 6, f.y + dev.font, fitText(f.w - 12, dev.font, `/dev/${dev.name} · its request_queue · ${hctxs}`,
    `${dev.name} · ${hctxs}`, dev.name), 'box-label device-name');
  drawCtxs(g.append('g').attr('class', 'ctxs'), dev);
  drawHctxs(g.append('g').attr('class', 'hctxs'), dev, scenario);
  drawLanes(g.append('g').attr('class', 'lanes'), dev, scenario, [`${dev.name} (null_blk)`, dev.name]);
  if (dev.elv) schedFrame(g.append('g').attr('class', 'scheduler'), dev, dev.queueNo);
  if (dev.requeue) requeueLane(g.append('g').attr('class', 'requeue-list'), dev.requeue, dev.queueNo, dev.font);
}

/**
 * The shared tag sets (null_blk shared_tags): set h is every device's hctx h's driver tags, one bar
 * each, its reserved tags a segment at its start; the hctxs' own lines then only say what they hold,
 * so their bars are hidden.
 */
function tagSetsFrame(svg, g, geo, reserved) {
  box(g, geo.tagSets, 'stage-box', geo.font, 'shared tag set · BLK_MQ_F_TAG_QUEUE_SHARED: every device\'s hctx of one index draws here',
    'shared tag set', 'shared tags');
  for (const s of geo.tagSets.sets) {
    const sg = g.append('g').attr('class', 'tag-set').attr('data-tag-set', s.set).attr('data-depth', geo.tagSets.depth)
      .attr('data-reserved', reserved).attr('data-hctxs', s.hctxs.join(','));
    sg.append('rect').attr('class', 'tags-free').attr('x', s.bar.x).attr('y', s.bar.y).attr('width', s.bar.w).attr('height', s.bar.h);
    const r = tagSetBar(s.bar, geo.tagSets.depth, reserved).reserved;
    if (r.w > 0) sg.append('rect').attr('class', 'tags-reserved').attr('x', r.x).attr('y', s.bar.y).attr('width', r.w).attr('height', s.bar.h);
    s.hctxs.forEach((hctx, d) => sg.append('rect').attr('class', `tags-used tag-share share-${d % 2}`).attr('data-device', d)
      .attr('data-hctx', hctx).attr('x', s.bar.x).attr('y', s.bar.y).attr('width', 0).attr('height', s.bar.h));
    sg.append('g').attr('class', 'share-marks');
    text(sg, s.x + 1, s.y + geo.font, '', 'tags-text');
  }
  for (const h of geo.hctxs) {
    svg.select(`g.hctx[data-hctx="${h.hctx}"] g.tag-pool`).attr('data-shared-set', h.hctx % geo.tagSets.sets.length)
      .selectAll('rect').attr('display', 'none');
  }
}

export function devicesState(svg, geo, state) {
  hctxState(svg, geo, state, !!geo.tagSets);
  for (const dev of geo.devices) {
    const mine = r => deviceOf(state, r) === dev.disk;
    schedState(svg.select(`g.request-queue[data-device="${dev.disk}"]`), dev, state, mine);
  }
  if (geo.tagSets) tagSetsState(svg, geo, state);
}

/**
 * Each set's tags in use: the sum of what its hctxs hold, as state.js counts them from the stream, out
 * of its normal tags; its active queues (tag_busy) and the fair share hctx_may_queue allows each, marked
 * on the bar every share.
 */
function tagSetsState(svg, geo, state) {
  const reserved = state.scenario?.reservedTags ?? 0;
  for (const s of geo.tagSets.sets) {
    const hctxs = s.hctxs.map(n => state.hctxs[n] ?? {});
    const held = hctxs.map(h => h.tagsUsed ?? 0);
    const { normal, tags: depth, segments } = tagBarFill(s.bar, geo.tagSets.depth, reserved, held);
    const used = held.reduce((a, b) => a + b, 0);
    const users = hctxs[0].users ?? 0, share = hctxs[0].share ?? 0;
    const sg = svg.select(`g.tag-set[data-tag-set="${s.set}"]`).attr('data-used', used)
      .attr('data-active-queues', users).attr('data-fair-share', share);
    sg.selectAll('rect.tag-share').data(segments).attr('data-used', (_, d) => held[d])
      .attr('data-active', (_, d) => String(!!hctxs[d].active)).attr('x', g => g.x).attr('width', g => g.w);
    sg.select('g.share-marks').selectAll('line').data(shareMarks(normal, users, share, depth))
      .join('line').attr('class', 'share-mark').attr('x1', x => x).attr('x2', x => x)
      .attr('y1', s.bar.y - 3).attr('y2', s.bar.y + s.bar.h + 3);
    const each = held.map((n, d) => `${diskName(d)} ${n}${hctxs[d].active ? '' : ' (idle)'}`).join(' · ');
    const fair = users ? ` · ${users} active, share ${share} each` : '';
    const kept = reservedNote(reserved);
    setText(sg.select('.tags-text'), fitText(s.w - 2, geo.font, `set ${s.set}: ${used}/${depth} tags in use${kept} · ${each}${fair}`,
      `${used}/${depth} in use · ${each}${fair}`, `${used}/${depth} · ${held.join('+')}${users ? ` · ${users}×${share}` : ''}`,
      `${used}/${depth}`));
  }
}
