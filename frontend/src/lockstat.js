// /proc/lock_stat for the model's spinlocks: the rows of stats.locks shaped as lockstat prints them
// (class name, con-bounces, contentions, waittime-min/avg/max, acq-bounces, acquisitions,
// holdtime-min/avg/max), the contending call sites under each row, and the most contended lock marked.
export const COLUMNS = [
  ['name', 'class name'], ['contentions', 'contentions'], ['waitTimeMinNs', 'waittime-min'],
  ['waitTimeAvgNs', 'waittime-avg'], ['waitTimeMaxNs', 'waittime-max'], ['acquisitions', 'acquisitions'],
  ['holdTimeMinNs', 'holdtime-min'], ['holdTimeAvgNs', 'holdtime-avg'], ['holdTimeMaxNs', 'holdtime-max'],
];

/** lockstat prints times in µs with two decimals. */
export const usecs = ns => (Number(ns || 0) / 1000).toFixed(2);

/** Only locks that were taken, most contended first (then most acquired); null when none was taken. */
export function lockRows(locks) {
  const taken = (locks || []).filter(l => l.acquisitions > 0);
  if (!taken.length) return null;
  const rows = taken.slice().sort((a, b) => b.contentions - a.contentions || b.acquisitions - a.acquisitions
    || a.name.localeCompare(b.name));
  return rows.map((l, i) => ({
    name: l.name,
    contentions: l.contentions,
    acquisitions: l.acquisitions,
    cells: COLUMNS.map(([k]) => (k.endsWith('Ns') ? usecs(l[k]) : String(l[k]))),
    sites: (l.contendedBy || []).map(parseSite),
    hottest: i === 0 && l.contentions > 0,
  }));
}

/** "blk_queue_bio: 7" → {fn, count}; lockstat lists the call sites that found the lock held. */
export function parseSite(s) {
  const m = /^(.*):\s*(\d+)$/.exec(String(s));
  return m ? { fn: m[1].trim(), count: Number(m[2]) } : { fn: String(s), count: 0 };
}

/** The lock with the most contentions, for a sweep point's line: {name, contentions} or null. */
export function topLock(locks) {
  const rows = lockRows(locks);
  return rows ? { name: rows[0].name, contentions: rows[0].contentions } : null;
}
