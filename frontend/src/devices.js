// How the stream numbers the queues of a 7.0 run of several null_blk devices (device.count 2-4), the one
// place the front end writes it down (the model's is transition/DeviceNumbers.java): each device is a
// request_queue of its own on the same CPUs, so device d's ctx for CPU c is ctx d × cpus + c and its
// hctx h is hctx d × hwQueues + h (hwQueues is each device's). With shared tags every device's hctx h
// draws from tag set h. One device is device 0, whose numbers are the CPU's and the hctx's own.

/** How many devices the topology has (1 unless a 7.0 run says more). */
export const deviceCount = topo => topo?.devices ?? 1;

/** null_blk's name for device d. */
export const diskName = d => `nullb${d}`;

/** Device d's ctx for CPU cpu. */
export const ctxNumber = (topo, d, cpu) => (d > 0 ? d * topo.cpus : 0) + cpu;

/** Device d's hctx h. */
export const hctxNumber = (topo, d, h) => (d > 0 ? d * topo.hwQueues : 0) + h;

/** Every hctx of every device. */
export const hctxTotal = topo => topo.hwQueues * deviceCount(topo);

/** A ctx number as { d: its device, n: its CPU }. */
export const ctxOnDevice = (topo, ctx) => split(topo, ctx, topo.cpus);

/** An hctx number as { d: its device, n: its index within the device, which is also its shared tag set }. */
export const hctxOnDevice = (topo, hctx) => split(topo, hctx, topo.hwQueues);

/** The hctxs of every device that share tag set s (each device's hctx s), device 0's first. */
export const tagSetHctxs = (topo, s) => Array.from({ length: deviceCount(topo) }, (_, d) => hctxNumber(topo, d, s));

function split(topo, id, perDevice) {
  return deviceCount(topo) > 1 ? { d: Math.floor(id / perDevice), n: id % perDevice } : { d: 0, n: id };
}
