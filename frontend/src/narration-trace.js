// A replayed trace in plain words: what the trace recorded, and nothing the trace does not say. A
// trace comes from any kernel, so no 3.16 function is claimed, and it records no tags; the ids are
// the replay's own, since blktrace numbers neither bios nor requests.
const dir = t => ((t.rwbs || '').includes('W') ? 'write' : (t.rwbs || '').includes('R') ? 'read' : 'I/O');
const who = t => `${t.comm ?? 'a task'}${t.pid > 0 ? ` (pid ${t.pid})` : ''}`;
const span = t => (t.sectors > 0 ? `${t.sectors} sectors at ${t.sector}` : `sector ${t.sector}`);
const recorded = t => `The trace recorded ${t.action} on CPU ${t.cpu}`;

const TEXT = {
  queue: t => `${recorded(t)}: ${who(t)} queued a ${dir(t)} of ${span(t)} (${t.fn}); the replay calls it bio ${t.bio}.`,
  getrq: t => `${recorded(t)}: a request was allocated for bio ${t.bio} (${t.fn}); the replay calls it request ${t.req}.`,
  sleeprq: t => `${recorded(t)}: ${who(t)} slept, waiting for a free request (${t.fn}).`,
  plug: t => `${recorded(t)}: ${who(t)} started plugging (${t.fn}).`,
  unplug: t => `${recorded(t)}: ${t.count >= 0 ? `${t.count} request${t.count === 1 ? '' : 's'}` : 'requests'} left the plug${t.action === 'UT' ? ', unplugged from a timer or on sleeping' : ''} (${t.fn}).`,
  backmerge: t => `${recorded(t)}: bio ${t.bio} was merged onto the back of request ${t.req} (${t.fn}).`,
  frontmerge: t => `${recorded(t)}: bio ${t.bio} was merged onto the front of request ${t.req} (${t.fn}).`,
  insert: t => `${recorded(t)}: request ${t.req} was inserted into a queue (${t.fn}); the trace does not say which, so it is drawn in CPU ${t.cpu}'s software queue.`,
  issue: t => `${recorded(t)}: request ${t.req}, ${span(t)}, was issued to the driver (${t.fn}).`,
  requeue: t => `${recorded(t)}: the driver gave request ${t.req} back, to be issued again (${t.fn}); blkparse prints the error code in brackets on R lines.`,
  complete: t => `${recorded(t)}: request ${t.req}, ${span(t)}, completed (${t.fn}).`,
  bio_end: t => `Bio ${t.bio} ended with request ${t.req}'s completion: the trace has no event for it, the replay adds it so Q pairs with C.`,
  free: t => `Request ${t.req} is gone after its completion: the trace has no event for it, the replay frees it here.`,
};

export function narrateTrace(t) {
  const text = TEXT[t.kind];
  return text ? text(t) : `${t.action ? recorded(t) : `On CPU ${t.cpu}`}: ${t.kind} (${t.fn}).`;
}
