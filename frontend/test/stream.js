// Handmade transition streams in the shapes common.md describes, for the state and narration tests.
export const loaded = (cpus = 2, hwQueues = 1, cpuToHctx = [0, 0]) => ({
  type: 'loaded',
  scenario: { name: 't', cpus, hwQueues, jobs: [{ name: 'fio' }] },
  topology: { cpus, hwQueues, queueDepth: 4, cpuToHctx },
  link: '/?v=1&name=t',
});

export function stream() {
  let seq = 0;
  const out = [];
  const add = (kind, action, fields) => {
    out.push({
      seq: seq++, t: seq * 1000, kind, fn: 'f', action, cpu: 0, pid: 100, comm: 'fio', bio: -1, req: -1,
      ctx: 0, hctx: 0, tag: -1, sector: 0, sectors: 8, rwbs: 'R', from: 'none', to: 'none', count: -1,
      ...fields,
    });
    return api;
  };
  const api = {
    add,
    out,
    /** sync read on 1 hctx: queue getrq tag_get insert run_queue flush_ctx issue queue_rq complete bio_end free */
    syncRead(bio, req, cpu = 0, sector = 0, tag = 0) {
      const c = { cpu, ctx: cpu, bio, req, sector };
      add('queue', 'Q', { ...c, req: -1, to: `task:${cpu}` });
      add('getrq', 'G', { ...c, to: `task:${cpu}` });
      add('tag_get', null, { ...c, tag, from: `task:${cpu}`, to: `task:${cpu}` });
      add('insert', 'I', { ...c, tag, from: `task:${cpu}`, to: `ctx:${cpu}` });
      return api;
    },
    dispatch(req, cpu = 0, tag = 0) {
      const c = { cpu, ctx: cpu, req, tag };
      add('run_queue', null, { cpu });
      add('flush_ctx', null, { ...c, from: `ctx:${cpu}`, to: 'hctx:0' });
      add('issue', 'D', { ...c, from: 'hctx:0', to: 'driver:0' });
      return api;
    },
    finish(req, bios, tag = 0) {
      add('queue_rq', null, { req, tag, from: 'driver:0', to: 'device:0' });
      add('complete', 'C', { req, tag, pid: 0, from: 'device:0', to: 'done' });
      for (const bio of bios) add('bio_end', null, { bio, req, from: 'merged', to: 'done' });
      add('free', null, { req, tag, from: 'done', to: 'none' });
      return api;
    },
  };
  return api;
}
