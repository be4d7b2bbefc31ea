package org.blkflow.model;

import java.util.ArrayList;
import java.util.List;
import org.blkflow.scenario.Backend;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Device;
import org.blkflow.scenario.Driver;
import org.blkflow.scenario.IoEngine;
import org.blkflow.scenario.IrqMode;
import org.blkflow.scenario.Job;
import org.blkflow.scenario.Kernel;
import org.blkflow.scenario.Label;
import org.blkflow.scenario.Mode;
import org.blkflow.scenario.Rings;
import org.blkflow.scenario.Rw;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.Scheduler;

/** Small, readable scenarios for model tests: defaults of null_blk and fio, changed one field at a time. */
final class ScenarioBuilder {

    long seed = 1;
    int cpus = 1;
    int hwQueues = 1;
    int queueDepth = 64;
    int reservedTags = 0;
    List<Integer> mapping;
    boolean merging = true;
    long completionNs = 10_000;
    String irqMode = "softirq";
    int maxSectors = 255;
    int maxSegments = 128;
    int slots = 0;
    Costs costs = Costs.ZERO;
    String driver = "null_blk";
    String rings = "single-lock";
    Backend backend = Backend.DEFAULT;
    String mode = "mq";
    String scheduler = "noop";
    int nrRequests = 128;
    int smt = 1;
    String kernel = "3.16";
    List<List<Integer>> numaNodes;
    int pollQueues;
    int budget;
    int requeueEvery;
    int devices = 1;
    boolean sharedTags;
    final List<Job> jobs = new ArrayList<>();

    static ScenarioBuilder scenario() {
        return new ScenarioBuilder();
    }

    ScenarioBuilder seed(long v) { seed = v; return this; }
    ScenarioBuilder cpus(int v) { cpus = v; return this; }
    ScenarioBuilder hwQueues(int v) { hwQueues = v; return this; }
    ScenarioBuilder depth(int v) { queueDepth = v; return this; }
    ScenarioBuilder reserved(int v) { reservedTags = v; return this; }
    ScenarioBuilder mapping(List<Integer> v) { mapping = v; return this; }
    ScenarioBuilder merging(boolean v) { merging = v; return this; }
    ScenarioBuilder irq(String mode) { irqMode = mode; return this; }
    ScenarioBuilder completionNs(long v) { completionNs = v; return this; }
    ScenarioBuilder maxSectors(int v) { maxSectors = v; return this; }
    ScenarioBuilder maxSegments(int v) { maxSegments = v; return this; }
    ScenarioBuilder slots(int v) { slots = v; return this; }
    ScenarioBuilder costs(Costs v) { costs = v; return this; }
    ScenarioBuilder backend(Backend v) { backend = v; return this; }
    ScenarioBuilder xen(String ringLayout) { driver = "xen-blkfront"; rings = ringLayout; return this; }
    ScenarioBuilder mode(String v) { mode = v; return this; }
    ScenarioBuilder scheduler(String v) { scheduler = v; return this; }
    ScenarioBuilder nrRequests(int v) { nrRequests = v; return this; }
    ScenarioBuilder smt(int v) { smt = v; return this; }
    ScenarioBuilder numaNodes(List<List<Integer>> v) { numaNodes = v; return this; }
    ScenarioBuilder pollQueues(int v) { pollQueues = v; return this; }
    ScenarioBuilder budget(int v) { budget = v; return this; }
    ScenarioBuilder requeueEvery(int v) { requeueEvery = v; return this; }
    /** null_blk's nr_devices and shared_tags (7.0). */
    ScenarioBuilder devices(int count, boolean shared) { devices = count; sharedTags = shared; return this; }

    /** Linux 7.0 with the given scheduler ("none", "mq-deadline" or "kyber"). */
    ScenarioBuilder kernel70(String v) { kernel = "7.0"; scheduler = v; return this; }

    ScenarioBuilder job(JobBuilder job) {
        jobs.add(job.build());
        return this;
    }

    Scenario build() {
        // Labels, as JSON and links spell them, so a test reads like the scenario it describes.
        return new Scenario("test", seed,  Label.parse(Mode.class, mode), cpus, hwQueues, queueDepth, reservedTags, mapping,
                merging, new Device(completionNs,  Label.parse(IrqMode.class, irqMode), maxSectors, maxSegments, slots,
                Label.parse(Driver.class, driver), Label.parse(Rings.class, rings), backend, pollQueues, budget, requeueEvery, devices, sharedTags), jobs,
                Label.parse(Scheduler.class, scheduler), nrRequests, costs, smt,  Label.parse(Kernel.class, kernel), numaNodes);
    }

    static JobBuilder job() {
        return new JobBuilder();
    }

    static final class JobBuilder {
        String name = "fio";
        List<Integer> cpus = List.of(0);
        String rw = "read";
        int rwmixread = 50;
        int bs = 4096;
        int iodepth = 1;
        String ioengine = "sync";
        boolean sync;
        boolean plug;
        boolean hipri;
        int ios = 1;
        long offset;
        long size = 1L << 30;
        List<org.blkflow.scenario.BsSplit> bssplit;
        List<org.blkflow.scenario.BsSplit> bssplitWrite;
        int rateIops;
        int thinktime;
        int thinktimeBlocks = 1;
        int iodepthBatch;
        List<Integer> devices = List.of(0);

        JobBuilder name(String v) { name = v; return this; }
        JobBuilder cpus(Integer... v) { cpus = List.of(v); return this; }
        JobBuilder allCpus() { cpus = null; return this; }
        JobBuilder rw(String v) { rw = v; return this; }
        JobBuilder mix(int v) { rwmixread = v; return this; }
        JobBuilder bs(int v) { bs = v; return this; }
        JobBuilder iodepth(int v) { iodepth = v; return this; }
        JobBuilder libaio() { ioengine = "libaio"; return this; }
        /** io_uring with hipri: polled I/O. */
        JobBuilder polled() { ioengine = "io_uring"; hipri = true; return this; }
        /** io_uring submitting batches of {@code n} inside a plug of nr_ios = n (fio's iodepth_batch_submit). */
        JobBuilder ioUringBatch(int n) { ioengine = "io_uring"; iodepthBatch = n; return this; }
        JobBuilder sync(boolean v) { sync = v; return this; }
        JobBuilder plug() { plug = true; return this; }
        JobBuilder plug(boolean v) { plug = v; return this; }
        JobBuilder ios(int v) { ios = v; return this; }
        JobBuilder offset(long v) { offset = v; return this; }
        JobBuilder size(long v) { size = v; return this; }
        JobBuilder bssplit(List<org.blkflow.scenario.BsSplit> v) { bssplit = v; return this; }
        JobBuilder bssplitWrite(List<org.blkflow.scenario.BsSplit> v) { bssplitWrite = v; return this; }
        JobBuilder rateIops(int v) { rateIops = v; return this; }
        JobBuilder thinktime(int us, int blocks) { thinktime = us; thinktimeBlocks = blocks; return this; }
        /** fio's filename list: the null_blk devices, round robin. */
        JobBuilder devices(Integer... v) { devices = List.of(v); return this; }

        Job build() {
            return new Job(name, cpus,  Label.parse(Rw.class, rw), rwmixread, bs, iodepth,
                    Label.parse(IoEngine.class, ioengine), sync, plug, ios, offset, size, bssplit, bssplitWrite,
                    rateIops, thinktime, thinktimeBlocks, hipri, iodepthBatch, devices);
        }
    }
}
