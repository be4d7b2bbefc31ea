// Pure description of the connection badge: what to show for a socket state.
export function connectionBadge(status) {
  switch (status) {
    case 'open': return { text: 'connected', colour: 'var(--ok)' };
    case 'connecting': return { text: 'connecting…', colour: 'var(--muted)' };
    default: return { text: 'disconnected', colour: 'var(--bad)' };
  }
}
