package org.blkflow.scenario;

import static org.blkflow.scenario.LinkValues.formatBool;
import static org.blkflow.scenario.LinkValues.formatCpus;
import static org.blkflow.scenario.LinkValues.formatSize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A scenario as a readable, versioned query string that can be pasted, bookmarked and put in a
 * course handout:
 *
 * <pre>
 * /?v=1&amp;name=Figure+1&amp;seed=42&amp;mode=mq&amp;sched=noop&amp;nr=128&amp;cpus=4&amp;hw=2&amp;depth=8&amp;reserved=0
 *   &amp;map=kernel&amp;merge=1
 *   &amp;cost=mk:300,mrg:40,alloc:200,ins:100,disp:150,drv:500,cpl:400,irq:1000,ipi:1500,lock:20,bounce:200,sw:2000
 *   &amp;dev=irq:timer,lat:10000,maxsec:255,maxseg:128,slots:0,driver:null_blk,rings:single-lock
 *   &amp;job=fio,rw:randread,mix:50,bs:4k,qd:4,engine:libaio,sync:0,plug:0,cpus:0-3,n:100,off:0,size:1g
 *   &amp;step=57
 * </pre>
 *
 * A 7.0 scenario adds {@code &kernel=7.0} after {@code mode} (and {@code &numa=0-3/4-7} after
 * {@code smt} when it has NUMA nodes); a link without them is the 3.16 scenario it always was.
 * {@link #encode} always writes every field in this order, so link → scenario → link gives the same
 * text; {@link #decode} fills absent parameters with the defaults, so short hand-written links work
 * (a v=1 link from before the cost table gets {@link Costs#DEFAULT}, like every scenario a user writes).
 */
public final class ScenarioLink {

    public static final int VERSION = 1;
    public static final int MAX_LENGTH = 4096;

    /** A decoded link: the scenario (not yet validated) and the step to seek to, if the link has one. */
    public record Decoded(Scenario scenario, OptionalLong step) {
    }

    private ScenarioLink() {
    }

    public static String encode(Scenario s) {
        StringBuilder out = new StringBuilder("/?v=").append(VERSION)
                .append("&name=").append(URLEncoder.encode(s.name(), StandardCharsets.UTF_8))
                .append("&seed=").append(s.seed())
                .append("&mode=").append(s.mode())
                .append(s.modern() ? "&kernel=" + s.kernel() : "")
                .append("&sched=").append(s.scheduler())
                .append("&nr=").append(s.nrRequests())
                .append("&smt=").append(s.smt())
                .append(s.numaNodes() == null ? "" : "&numa=" + nodes(s.numaNodes()))
                .append("&cpus=").append(s.cpus())
                .append("&hw=").append(s.hwQueues())
                .append("&depth=").append(s.queueDepth())
                .append("&reserved=").append(s.reservedTags())
                .append("&map=").append(s.kernelMapping() ? "kernel" : joined(s.mapping()))
                .append("&merge=").append(formatBool(s.merging()))
                .append("&cost=").append(costs(s.costs()))
                .append("&dev=").append(device(s.device()));
        s.jobs().forEach(job -> out.append("&job=").append(job(job)));
        return out.toString();
    }

    /** The link with {@code &step=K} appended: a session opening it seeks to step K. */
    public static String encode(Scenario s, long step) {
        return encode(s) + "&step=" + step;
    }

    /**
     * Reads "/?…", "?…" or a bare query string (or a whole URL; a "#…" fragment is ignored). Throws
     * {@link ScenarioRejected} ("invalid link") naming every unknown or malformed parameter.
     */
    public static Decoded decode(String link) {
        if (link.length() > MAX_LENGTH) {
            throw new ScenarioRejected("invalid link", List.of(Problem.of("link", link.length() + " characters",
                    "must be at most " + MAX_LENGTH + " characters")));
        }
        int hash = link.indexOf('#');
        String url = hash < 0 ? link : link.substring(0, hash);
        return new LinkReader(url.substring(url.indexOf('?') + 1)).read();
    }

    private static String nodes(List<List<Integer>> nodes) {
        return nodes.stream().map(NumaNodes::format).collect(Collectors.joining("/"));
    }

    private static String device(Device d) {
        return "irq:" + d.irqMode() + ",lat:" + d.completionNs() + ",maxsec:" + d.maxSectors()
                + ",maxseg:" + d.maxSegments() + ",slots:" + d.slots() + ",driver:" + d.driver()
                + ",rings:" + d.rings();
    }

    private static String costs(Costs c) {
        return Arrays.stream(CostField.values()).map(f -> f.linkKey() + ":" + f.of(c)).collect(Collectors.joining(","));
    }

    private static String job(Job j) {
        return j.name() + ",rw:" + j.rw() + ",mix:" + j.rwmixread() + ",bs:" + formatSize(j.bs())
                + ",qd:" + j.iodepth() + ",engine:" + j.ioengine() + ",sync:" + formatBool(j.sync())
                + ",plug:" + formatBool(j.plug()) + ",cpus:" + (j.allCpus() ? "all" : formatCpus(j.cpus()))
                + ",n:" + j.ios() + ",off:" + formatSize(j.offset()) + ",size:" + formatSize(j.size());
    }

    private static String joined(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
