import { connectionBadge } from './connection.js';

const d3 = window.d3;

function drawConnection(status, server) {
  const badge = connectionBadge(status);
  const svg = d3.select('#connection');
  svg.attr('data-status', status);
  svg.selectAll('circle').data([badge]).join('circle')
    .attr('cx', 10).attr('cy', 14).attr('r', 6).attr('fill', d => d.colour);
  svg.selectAll('text').data([badge]).join('text')
    .attr('x', 22).attr('y', 18)
    .text(d => server ? `${d.text} to ${server}` : d.text);
}

function connect() {
  drawConnection('connecting');
  const proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${proto}//${location.host}/ws/session`);
  ws.addEventListener('message', ev => {
    const msg = JSON.parse(ev.data);
    if (msg.type === 'hello') drawConnection('open', msg.server);
  });
  ws.addEventListener('close', () => drawConnection('closed'));
}

connect();
