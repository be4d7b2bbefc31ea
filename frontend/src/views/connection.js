// The connection badge in the header: a dot and "connected to <server>", as the socket changes state.
import { connectionBadge } from '../connection.js';

const d3 = window.d3;

export function connectionView(svgEl) {
  const svg = d3.select(svgEl);
  return {
    update(status, server) {
      const badge = connectionBadge(status);
      svg.attr('data-status', status);
      svg.selectAll('circle').data([badge]).join('circle')
        .attr('cx', 10).attr('cy', 14).attr('r', 6).attr('fill', d => d.colour);
      svg.selectAll('text').data([badge]).join('text')
        .attr('x', 22).attr('y', 18)
        .text(d => (server ? `${d.text} to ${server}` : d.text));
    },
  };
}
