// The labels of a scenario's choices, as the server's enums spell them in JSON and links:
// Mode, Kernel, Scheduler, IrqMode, Driver, Rings, EvtchnAffinity, Rw, IoEngine (org.blkflow.scenario). Compare with these, never with string
// literals. Written by LabelsModuleTest, which fails when this file and the enums differ;
// regenerate with -Dgolden.update=true.
export const MODE = Object.freeze({ MQ: 'mq', SQ: 'sq', BIO: 'bio' });
export const KERNEL = Object.freeze({ V3_16: '3.16', V7_0: '7.0' });
export const SCHEDULER = Object.freeze({ NOOP: 'noop', DEADLINE: 'deadline', CFQ: 'cfq', NONE: 'none', MQ_DEADLINE: 'mq-deadline', KYBER: 'kyber', BFQ: 'bfq' });
export const IRQ_MODE = Object.freeze({ NONE: 'none', SOFTIRQ: 'softirq', TIMER: 'timer' });
export const DRIVER = Object.freeze({ NULL_BLK: 'null_blk', XEN_BLKFRONT: 'xen-blkfront' });
export const RINGS = Object.freeze({ SINGLE_LOCK: 'single-lock', SPLIT_LOCK: 'split-lock', PER_HCTX: 'per-hctx' });
export const EVTCHN_AFFINITY = Object.freeze({ SPREAD: 'spread', VCPU0: 'vcpu0' });
export const RW = Object.freeze({ READ: 'read', WRITE: 'write', RANDREAD: 'randread', RANDWRITE: 'randwrite', RANDRW: 'randrw' });
export const IO_ENGINE = Object.freeze({ SYNC: 'sync', LIBAIO: 'libaio', IO_URING: 'io_uring' });
