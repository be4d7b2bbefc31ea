// Share links: the server's canonical scenario link plus where the viewer is, as &step=K.

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

/** The page title for a loaded scenario, worded as the server words a shared link's title. */
export function titleOf(scenario) {
  const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const name = scenario.name || 'blk-mq scenario';
  return `${name} — ${plural(scenario.cpus, 'CPU')}, ${plural(scenario.hwQueues, 'hardware queue')} · blkflow`;
}
