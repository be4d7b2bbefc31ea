// The client behind soak.sh: replays issue #11's adversarial mix against a running server on
// loopback for a bounded time, then reports HTTP statuses (5xx above all), WebSocket closes by code
// for each kind of client, and whether every well-behaved client kept its session.
// Actors, all at once: a REST prober (bad links, fio files, sysfs dumps, trace lines, forms,
// multipart, broken escapes, oversized and malformed bodies, error-list bombs, valid uploads),
// WebSocket clients sending bad frames and command floods, readers taking maximal steps on a busy
// scenario, and raw TCP clients that play at full speed and never read a byte.
import net from 'node:net';

const [base, durationArg] = process.argv.slice(2);
const durationMs = Number(durationArg) * 1000;
if (!/^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(base)) {
  console.error(`refusing non-loopback base ${base}`);
  process.exit(2);
}
const ws = base.replace('http:', 'ws:') + '/ws/session';
const port = Number(base.split(':')[2]);
const started = Date.now();
const deadline = started + durationMs;
const live = () => Date.now() < deadline;
const sleep = ms => new Promise(r => setTimeout(r, ms));

const http = { byStatus: {}, fiveXX: [], requests: 0 };
const closes = {};
const frames = { error: 0, other: 0 };
const steps = { asked: 0, completed: 0, transitions: 0 };
const closeOf = (kind, code) => { closes[kind] ??= {}; closes[kind][code] = (closes[kind][code] || 0) + 1; };

const BUSY = { name: 'busy', cpus: 4, hwQueues: 2,
  jobs: [{ name: 'r', rw: 'randread', iodepth: 8, ioengine: 'libaio', ios: 100000 }] };
const TRACE_LINE = i => `  8,0    ${i % 4}  ${i + 1}  0.${String(i).padStart(9, '0')}  1003  Q   R ${8 * i} + 8 [fio]\n`;
const TRACE = Array.from({ length: 20000 }, (_, i) => TRACE_LINE(i)).join('');

// Defects 1 and 2 (sq + cfq in the model) are left out: the engine rewrite fixes them, not this mix.
const probes = [
  ['GET', '/api/scenario?v=1&job=fio,cpus:-2147483648-2147483647'],
  ['GET', '/api/scenario?v=1&cpus=2&map=' + '7,'.repeat(1300) + '7'],
  ['GET', '/api/scenario?v=1&job=x,bs:4k,bs:8k&hw=99999999999999999999'],
  ['GET', '/?v=1&name=%ZZ&cpus=%'],
  ['POST', '/api/runs?transitions=%ZZ', 'application/json', '{}'],
  ['POST', '/api/fio', 'text/plain', '[j]\nnumjobs=1g\n'],
  ['POST', '/api/fio', 'text/plain', '[j]\niodepth=100000000t\nbs=8388608t\n'],
  ['POST', '/api/fio', 'text/plain', '[j]\nbs=,\n'],
  ['POST', '/api/fio', 'text/plain', '[j]\nbssplit=/\n'],
  ['POST', '/api/fio', 'text/plain', '[j]\nblocksize_range=-\n'],
  ['POST', '/api/fio', 'text/plain', '[j]\nbs=4294967808\ncpus_allowed=0,0,0\n'],
  ['POST', '/api/mapping/sysfs', 'text/plain', '2147483647: 0\n'],
  ['POST', '/api/mapping/sysfs', 'text/plain', '2147483648: 0\n'],
  ['POST', '/api/traces', 'text/plain', '  8,0    2147483648  1  0.000000000 1003 Q R 0 + 8 [fio]\n'],
  ['POST', '/api/traces', 'text/plain', '  8,0 2147483647  1  0.000000000 1003 Q R 0 + 8 [fio]\n'],
  ['POST', '/api/runs', 'multipart/form-data', '--x\r\n\r\nhello\r\n--x--\r\n'],
  ['POST', '/api/traces', 'multipart/form-data', '--x\r\n\r\nhello\r\n--x--\r\n'],
  ['POST', '/api/runs', 'application/x-www-form-urlencoded', '{"cpus":2}'],
  ['POST', '/api/runs', 'application/json', '{"cpus":' + '9'.repeat(1200) + '}'],
  ['POST', '/api/runs', 'application/json', '{"mapping":[' + '99,'.repeat(60000) + '99]}'],
  ['POST', '/api/runs', 'application/json', '{"name":"' + 'x'.repeat(300 * 1024) + '"}'],
  ['POST', '/api/runs', 'application/json', '{"cpus":4,'],
  ['POST', '/api/runs', 'application/json', '{"a":1,"a":2}'],
  ['POST', '/api/runs?transitions=100', 'application/json', '{"cpus":2}'],
  ['POST', '/api/sweeps', 'application/json', '{"vary":{"cpus":[1,2]},"scenario":{"jobs":[{"ios":50}]}}'],
  ['POST', '/api/traces', 'text/plain', TRACE],
];

async function prober() {
  for (let i = 0; live(); i++) {
    const [method, path, type, body] = probes[i % probes.length];
    try {
      const r = await fetch(base + path, { method, headers: type ? { 'Content-Type': type } : {}, body });
      await r.arrayBuffer();
      http.requests++;
      http.byStatus[r.status] = (http.byStatus[r.status] || 0) + 1;
      if (r.status >= 500) http.fiveXX.push(`${method} ${path.slice(0, 60)} → ${r.status}`);
    } catch (e) {
      http.byStatus.failed = (http.byStatus.failed || 0) + 1;
    }
  }
}

/** A WebSocket client run by `script(socket, message)`; resolves when it closes. */
function client(kind, onOpen, onMessage) {
  return new Promise(resolve => {
    const s = new WebSocket(ws);
    s.onopen = () => onOpen(s);
    s.onmessage = e => {
      const m = e.data.startsWith('{"type":"transitions"') ? { type: 'transitions', text: e.data } : JSON.parse(e.data);
      if (m.type === 'error') frames.error++; else frames.other++;
      onMessage(s, m);
    };
    s.onclose = e => {
      closeOf(kind, e.code);
      if (e.code !== 1000) console.error(`${kind} closed ${e.code} '${e.reason}' at ${Math.round((Date.now() - started) / 1000)} s`);
      resolve();
    };
    s.onerror = () => {};
  });
}

/** Malformed JSON, unknown commands, oversized frames, binary, duplicates, a command flood. */
async function badFrames() {
  while (live()) {
    await client('bad-frames', s => {
      const bad = ['{', '[]', '{"cmd":5}', '{"cmd":"warp"}', '{"cmd":"step","n":1,"n":2}', '{"cmd":"step","n":1e400}',
        '{"cmd":"load","link":"/?v=1&job=fio,cpus:-2147483648-2147483647"}', 'x'.repeat(200 * 1024),
        '{"cmd":"load","trace":"nope"}', '{"cmd":"seek","step":99999999999999999999}'];
      bad.forEach(b => s.send(b));
      s.send(new Uint8Array(100 * 1024));
      for (let i = 0; i < 200; i++) s.send('{"cmd":"pause"}');   // a flood: past 50/s, error frames
      setTimeout(() => s.close(1000, 'done'), 2000);
    }, () => {});
  }
}

/** Reads everything: a maximal step on a busy scenario must arrive whole, never closed. */
async function reader() {
  while (live()) {
    await client('reader', s => s.send(JSON.stringify({ cmd: 'load', scenario: BUSY })), (s, m) => {
      if (m.type === 'state' && (m.reason === 'load' || m.reason === 'step')) {
        if (m.reason === 'step') steps.completed++;
        if (!live() || steps.completed % 5 === 4) { s.close(1000, 'done'); return; }
        steps.asked++;
        s.send('{"cmd":"step","n":100000}');
      } else if (m.type === 'transitions') {
        steps.transitions += (m.text.match(/"seq":/g) || []).length;
      }
    });
  }
}

/**
 * A raw TCP WebSocket that plays at full speed and never reads, then, past the server's 10 s send
 * limit, reads everything: did the server close it, and did a close frame (with which code) get there?
 */
function neverReads() {
  return new Promise(resolve => {
    const frames = serverFrames();
    let outcome = null;
    const done = what => { if (!outcome) { outcome = what; closeOf('never-reads', what); sock.destroy(); resolve(); } };
    const sock = net.connect({ host: '127.0.0.1', port }, () => {
      sock.write(`GET /ws/session HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
        + `Sec-WebSocket-Key: c29hay1uZXZlci1yZWFkcw==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://localhost:${port}\r\n\r\n`);
      for (const text of [JSON.stringify({ cmd: 'load', scenario: BUSY }), '{"cmd":"play","speed":0}',
        '{"cmd":"step","n":100000}', '{"cmd":"step","n":100000}']) sock.write(frame(text));
      sock.pause();   // never read: the kernel's buffers fill and the server's writes stall
      setTimeout(() => sock.resume(), 20_000);
    });
    sock.on('data', chunk => { const code = frames(chunk); if (code !== null) done(`close-frame-${code}`); });
    sock.on('error', () => {});
    sock.on('close', () => done('dropped-without-close-frame'));
    setTimeout(() => done('still-open'), 40_000);
  });
}

/** Follows the server's (unmasked) frames through the byte stream; returns a close frame's code once seen. */
function serverFrames() {
  let buf = Buffer.alloc(0);
  let headDone = false;
  let skip = 0;
  return chunk => {
    buf = Buffer.concat([buf, chunk]);
    if (!headDone) {
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return null;
      buf = buf.subarray(end + 4);
      headDone = true;
    }
    for (;;) {
      if (skip > 0) { const n = Math.min(skip, buf.length); buf = buf.subarray(n); skip -= n; if (skip > 0) return null; }
      if (buf.length < 2) return null;
      const op = buf[0] & 0x0f;
      let len = buf[1] & 0x7f;
      let at = 2;
      if (len === 126) { if (buf.length < 4) return null; len = buf.readUInt16BE(2); at = 4; }
      else if (len === 127) { if (buf.length < 10) return null; len = Number(buf.readBigUInt64BE(2)); at = 10; }
      if (op === 8) return buf.length >= at + 2 ? buf.readUInt16BE(at) : null;
      buf = buf.subarray(at);
      skip = len;
    }
  };
}

function frame(text) {
  const payload = Buffer.from(text);
  const mask = Buffer.from([1, 2, 3, 4]);
  const head = payload.length < 126 ? Buffer.from([0x81, 0x80 | payload.length])
    : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]))]);
}

async function neverReaders() {
  while (live()) {
    await Promise.all([neverReads(), neverReads(), neverReads()]);
  }
}

await Promise.all([prober(), prober(), badFrames(), reader(), reader(), neverReaders()]);
console.log(JSON.stringify({
  seconds: Math.round((Date.now() - started) / 1000), http, closesByClient: closes, frames, steps,
}, null, 1));
