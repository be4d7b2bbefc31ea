// Share links: the server's canonical scenario link plus where the viewer is, as &step=K.
import { MODE } from './labels.js';

/** Sets step=K in a link, replacing any step already there; K = 0 drops it. */
export function withStep(link, step) {
  const [path, query = ''] = link.split('?');
  const params = query.split('&').filter(p => p && !p.startsWith('step='));
  if (step > 0) params.push(`step=${step}`);
  return params.length ? `${path}?${params.join('&')}` : path;
}

/** The step a link asks for, or 0. */
export function stepOf(link) {
  const m = /[?&]step=(\d+)/.exec(link);
  return m ? Number(m[1]) : 0;
}

/** An absolute URL for copying, from a link the server gave as a path. */
export function absolute(link, origin) {
  return link.startsWith('http') ? link : origin + link;
}

/** A scenario with no name is called after its mode, as PageController.ModeWords calls it. */
const UNTITLED = { [MODE.MQ]: 'blk-mq scenario', [MODE.SQ]: 'request queue scenario', [MODE.BIO]: 'bio-based scenario' };

/**
 * The page title for a loaded scenario at a step, worded as the server words a shared link's title
 * (PageController): hardware queues are counted only in blk-mq, and step 0 is not mentioned.
 */
export function titleOf(scenario, step = 0) {
  const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const mode = UNTITLED[scenario.mode] ? scenario.mode : MODE.MQ;
  const name = scenario.name || UNTITLED[mode];
  const shape = mode === MODE.MQ ? `${plural(scenario.cpus, 'CPU')}, ${plural(scenario.hwQueues, 'hardware queue')}` : plural(scenario.cpus, 'CPU');
  return `${name} — ${shape}${step > 0 ? ` · step ${step}` : ''} · blkflow`;
}
