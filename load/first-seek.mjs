// The first seek after start: one session loads a busy scenario and seeks to step K; prints the
// time from sending the seek to the state message that answers it. Loopback only.
const [url, kArg] = process.argv.slice(2);
const k = Number(kArg ?? 1_000_000);
if (!/^ws:\/\/(127\.0\.0\.1|localhost):\d+\//.test(url)) {
  console.error(`refusing non-loopback url ${url}`);
  process.exit(2);
}
const scenario = {
  name: 'first-seek', seed: 1, cpus: 4, hwQueues: 2, queueDepth: 32, merging: true,
  device: { completionNs: 20000, irqMode: 'softirq', slots: 16 },
  jobs: [
    { name: 'reads', rw: 'randread', bs: 4096, iodepth: 16, ioengine: 'libaio', ios: 100000 },
    { name: 'writes', rw: 'write', bs: 4096, iodepth: 8, ioengine: 'libaio', plug: true, ios: 100000 },
  ],
};
const ws = new WebSocket(url);
let sent = 0;
const timeout = setTimeout(() => { console.error('no answer within 60 s'); process.exit(1); }, 60_000);
ws.onmessage = ev => {
  const m = JSON.parse(ev.data);
  if (m.type === 'hello') ws.send(JSON.stringify({ cmd: 'load', scenario }));
  else if (m.type === 'state' && m.reason === 'load') {
    sent = performance.now();
    ws.send(JSON.stringify({ cmd: 'seek', step: k }));
  } else if (m.type === 'state' && sent > 0) {
    console.log(`seek to ${m.step} answered in ${(performance.now() - sent).toFixed(0)} ms`);
    clearTimeout(timeout);
    ws.close();
  } else if (m.type === 'error') {
    console.error(JSON.stringify(m));
    process.exit(1);
  }
};
