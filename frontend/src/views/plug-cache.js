// 7.0's cached requests (plug->cached_rqs): a plug of nr_ios > 1 takes its tags in one batch, and the
// spare requests wait in the plug, each holding a tag (the hctx's tag bar counts them), until a bio
// takes one with its G or the plug's flush frees them (blk_mq_free_plug_rqs; no blktrace event either
// way). Drawn as a count and the tags in each CPU's plug box, from the requests state.js keeps at
// `cached:N`; hidden while a CPU caches nothing, so 3.16 and plain 7.0 figures are unchanged.
import { itemsAt } from '../state.js';
import { fitText } from '../layout-parts.js';

/** The cached requests of each CPU drawn (data-role="plug-cached", data-count, data-tags in the order cached). */
export function drawPlugCache(svg, geo, state) {
  const rows = (geo.cpus || []).filter(c => c.plug).map(c => {
    const tags = itemsAt(state, `cached:${c.cpu}`).filter(it => it.type === 'req').map(it => it.tag);
    return { cpu: c.cpu, box: c.plug, tags };
  });
  svg.selectAll('text.plug-cached').data(rows, d => d.cpu).join('text')
    .attr('class', 'lane-label plug-cached').attr('data-role', 'plug-cached').attr('data-cpu', d => d.cpu)
    .attr('data-count', d => d.tags.length).attr('data-tags', d => d.tags.join(','))
    .attr('x', d => d.box.x + d.box.w - 6).attr('y', d => d.box.y + geo.font).attr('text-anchor', 'end')
    .attr('display', d => (d.tags.length ? null : 'none'))
    .text(d => (d.tags.length ? fitText(d.box.w / 2, geo.font, ...labels(d.tags)) || '' : ''));
}

/** Longest first; scheduler tags are not in the stream (-1), so under a scheduler only the count. */
function labels(tags) {
  const n = tags.length;
  const short = [`cached ${n}`, `${n}c`];
  return tags.every(t => t >= 0) ? [`cached ${n}: tags ${tags.join(' ')}`, ...short] : short;
}
