// Which item a transition moved, and from where to where: what Figure 1 highlights as "just moved".
import { BIO_KINDS } from './state.js';

/**
 * {key, from, to, target} for a transition that moves something between two places, else null.
 * `key` is the item that moved; `target` is what it ends up in (a merged bio's request, else itself).
 */
export function lastMove(t) {
  if (!t || !t.from || !t.to || t.from === t.to || t.from === 'none') return null;
  const isRequest = t.req >= 0 && (!BIO_KINDS.has(t.kind) || t.kind === 'getrq');
  const key = isRequest ? `req:${t.req}` : `bio:${t.bio}`;
  const merge = t.kind === 'backmerge' || t.kind === 'frontmerge';
  return { key, from: t.from, to: t.to, target: merge && t.req >= 0 ? `req:${t.req}` : key };
}
