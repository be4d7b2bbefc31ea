// The comparison's share link, in the header, and the address: both follow the step drawn. A comparison
// with an uploaded trace, or one whose link would pass the limit, says so where the link would be.
import { LINK_MAX } from '../compare.js';
import { absolute } from '../link.js';

/** A copy button beside the link, as the one-run page has: the absolute address of the link shown. */
export function copyButton(button, a) {
  button.addEventListener('click', async () => {
    if (!a.hasAttribute('href')) return;
    try {
      await navigator.clipboard.writeText(absolute(a.getAttribute('href'), location.origin));
      button.textContent = 'copied';
    } catch {
      button.textContent = 'select & copy';
    }
    setTimeout(() => { button.textContent = 'copy'; }, 1500);
  });
}

/** @param link the comparison's link at the step drawn, or null (a trace: nothing can carry it) */
export function showShareLink(a, link) {
  const refused = link === null
    ? ['trace · cannot be shared', 'An uploaded trace lives only in this server\'s memory and no link can bring it back: '
      + 'share the blkparse file, the fio job file and the sysfs dump themselves, and compare them again.']
    : link.length > LINK_MAX ? [`too long to share (${link.length} characters; a link holds ${LINK_MAX})`, 'Shorten a scenario name or a job list.'] : null;
  if (refused) {
    a.removeAttribute('href');
    a.textContent = refused[0];
    a.title = refused[1];
    return;
  }
  a.removeAttribute('title');
  a.href = link;
  a.textContent = 'link to this comparison';
  if (location.pathname + location.search !== link) history.replaceState(null, '', link);
}
