// The load client behind sessions-load.sh: N sessions, each loads a busy scenario and plays it at
// speed 0, seeking back to 0 whenever the run finishes. Reports delivered transitions/s, the p99 of
// (receive time − the server's sentAt), errors and unexpected closes.
// Transitions messages are counted without a full JSON.parse (sentAt is read from the head, items
// by their "seq" keys) so the client, which shares the machine's cores, steals less from the server.
import { execSync } from 'node:child_process';

const [url, nArg, durationArg, , heapCmd] = process.argv.slice(2);
const n = Number(nArg);
const durationMs = Number(durationArg) * 1000;
if (!/^ws:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url)) {
  console.error(`refusing non-loopback url ${url}`);
  process.exit(2);
}

const scenario = seed => ({
  name: `load-${seed}`, seed, cpus: 4, hwQueues: 2, queueDepth: 32, merging: true,
  device: { completionNs: 20000, irqMode: 'softirq', slots: 16 },
  jobs: [
    { name: 'reads', rw: 'randread', bs: 4096, iodepth: 16, ioengine: 'libaio', ios: 3000 },
    { name: 'writes', rw: 'write', bs: 4096, iodepth: 8, ioengine: 'libaio', plug: true, ios: 3000 },
  ],
});

const totals = { transitions: 0, messages: 0, errors: 0, oops: 0, closes: {}, restarts: 0, opened: 0 };
const delays = new Uint32Array(60_001);   // 1 ms buckets, the last one is "60 s or more"
const sockets = [];
const SEQ = /"seq":/g;

function onTransitions(text, now) {
  const sentAt = Number(/"sentAt":(\d+)/.exec(text.slice(0, 64))[1]);
  delays[Math.min(delays.length - 1, Math.max(0, now - sentAt))]++;
  totals.transitions += (text.match(SEQ) || []).length;
}

function onMessage(ws, seed, text) {
  const now = Date.now();
  totals.messages++;
  if (text.startsWith('{"type":"transitions"')) return onTransitions(text, now);
  const m = JSON.parse(text);
  if (m.type === 'hello') ws.send(JSON.stringify({ cmd: 'load', scenario: scenario(seed) }));
  else if (m.type === 'state' && m.reason === 'load') ws.send('{"cmd":"play","speed":0}');
  else if (m.type === 'state' && m.reason === 'finished') {
    totals.restarts++;
    ws.send('{"cmd":"seek","step":0}');
    ws.send('{"cmd":"play","speed":0}');
  } else if (m.type === 'error') { totals.errors++; if (totals.errors <= 5) console.error('error frame', text); }
  else if (m.type === 'oops') totals.oops++;
}

function open(i) {
  const ws = new WebSocket(url);
  ws.onopen = () => totals.opened++;
  ws.onmessage = e => onMessage(ws, 1000 + i, e.data);
  ws.onclose = e => { if (!stopping) totals.closes[e.code] = (totals.closes[e.code] || 0) + 1; };
  ws.onerror = () => {};
  sockets.push(ws);
}

function p(q) {
  const count = delays.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (let ms = 0; ms < delays.length; ms++) {
    seen += delays[ms];
    if (seen >= q * count) return ms;
  }
  return NaN;
}

let stopping = false;
const started = Date.now();
for (let i = 0; i < n; i++) open(i);
let last = { t: started, transitions: 0 };
const progress = setInterval(() => {
  const now = Date.now();
  const rate = (totals.transitions - last.transitions) / ((now - last.t) / 1000);
  console.log(`${((now - started) / 1000).toFixed(0)} s: open ${totals.opened}, ${Math.round(rate)} transitions/s`);
  last = { t: now, transitions: totals.transitions };
}, 10_000);

setTimeout(() => {
  stopping = true;
  clearInterval(progress);
  if (heapCmd) console.log(`heap (during), ${heapCmd}:\n` + execSync(heapCmd).toString().split('\n').slice(1, 4).join('\n'));
  const seconds = (Date.now() - started) / 1000;
  sockets.forEach(ws => ws.close(1000, 'done'));
  console.log(JSON.stringify({
    sessions: n, opened: totals.opened, seconds: Number(seconds.toFixed(1)),
    transitions: totals.transitions, transitionsPerSecond: Math.round(totals.transitions / seconds),
    messages: totals.messages, delayMsP50: p(0.5), delayMsP99: p(0.99), errorFrames: totals.errors,
    oops: totals.oops, unexpectedCloses: totals.closes, restarts: totals.restarts,
  }, null, 1));
  setTimeout(() => process.exit(0), 1000);
}, durationMs);
