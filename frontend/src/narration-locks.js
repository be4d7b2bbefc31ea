// Narration of spinlock moves (lock_contended, lock_acquired, lock_release). The stream carries them
// only where CPUs contend, so each one is a moment when a CPU waits for, or hands over, a lock.
import { formatNs } from './format.js';

const irqWords = t => (t.fn && t.fn.includes('irq') ? ' with interrupts off' : '');

export const LOCK_TEXT = {
  lock_contended: t => `CPU ${t.cpu} spins on ${t.lock}, held by CPU ${t.count}: it takes the next ticket (${t.fn}) and busy-waits${irqWords(t)} until every CPU ahead of it has had the lock — the time lockstat counts as waittime.`,
  lock_acquired: t => `CPU ${t.cpu} gets ${t.lock} after spinning ${formatNs(t.count)}: the holder's unlock passed it straight to the oldest ticket, this one, and the cache line moves here (${t.fn}).`,
  lock_release: t => `CPU ${t.cpu} releases ${t.lock}, and nobody is waiting for it: ${t.fn} leaves it free for the next taker.`,
};
