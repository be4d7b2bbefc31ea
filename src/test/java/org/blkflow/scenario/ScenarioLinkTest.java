package org.blkflow.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ScenarioLinkTest {

    private static final String FIGURE = "/?v=1&name=Figure+1&seed=42&mode=mq&sched=noop&nr=128&smt=1&cpus=4&hw=2&depth=8"
            + "&reserved=0&map=kernel&merge=1"
            + "&cost=mk:300,mrg:40,alloc:200,ins:100,disp:150,drv:500,cpl:400,irq:1000,ipi:1500,lock:20,bounce:200,sw:2000"
            + "&dev=irq:timer,lat:10000,maxsec:255,maxseg:128,slots:0,driver:null_blk,rings:single-lock"
            + "&job=fio,rw:randread,mix:50,bs:4k,qd:4,engine:libaio,sync:0,plug:0,cpus:0-3,n:100,off:0,size:1g";
    /** The same scenario as version 2 writes it: only what differs from the defaults. */
    private static final String FIGURE_V2 = "/?v=2&name=Figure+1&seed=42&hw=2&depth=8&dev=irq:timer"
            + "&job=fio,rw:randread,qd:4,engine:libaio,cpus:0-3,n:100";

    @TestFactory
    Stream<DynamicTest> everyGeneratedScenarioSurvivesTheRoundTrip() {
        RandomScenarios scenarios = new RandomScenarios(20140601);
        return IntStream.range(0, 1000).mapToObj(i -> {
            Scenario s = scenarios.next();
            return dynamicTest("scenario " + i, () -> {
                String link = ScenarioLink.encode(s);
                assertTrue(link.length() <= ScenarioLink.MAX_LENGTH, link);
                Scenario back = ScenarioLink.decode(link).scenario();
                assertEquals(s, back, link);
                assertEquals(link, ScenarioLink.encode(back));
            });
        });
    }

    @Test
    void aHandWrittenLinkReadsAsWritten() {
        Scenario s = ScenarioLink.decode(FIGURE).scenario();
        assertEquals("Figure 1", s.name());
        assertEquals(42, s.seed());
        assertEquals(2, s.hwQueues());
        assertEquals(8, s.queueDepth());
        assertEquals(new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT), s.device());
        assertEquals(new Job("fio", List.of(0, 1, 2, 3), Rw.RANDREAD, 50, 4096, 4, IoEngine.LIBAIO, false, false, 100, 0,
                1L << 30), s.jobs().get(0));
        assertEquals(FIGURE_V2, ScenarioLink.encode(s), "a version 1 link is written again as version 2");
        assertEquals(s, ScenarioLink.decode(FIGURE_V2).scenario());
    }

    @Test
    void version2LeavesOutEveryDefaultAndKeepsEveryDifference() {
        assertEquals("/?v=2", ScenarioLink.encode(ScenarioDefaults.scenario()));
        Scenario s = ScenarioLink.decode("/?v=2&cpus=6&cost=lock:35&dev=slots:3&job=a,cpus:0-3,6,qd:8&job=b").scenario();
        assertEquals("/?v=2&cpus=6&cost=lock:35&dev=slots:3&job=a,qd:8,cpus:0-3,6&job=b", ScenarioLink.encode(s));
        assertEquals(List.of(0, 1, 2, 3, 6), s.jobs().get(0).cpus(), "a CPU list's further items stay with it");
        // A job that is the default one but for its name keeps its name; the default job list goes.
        assertEquals("/?v=2&job=x", ScenarioLink.encode(ScenarioLink.decode("?job=x").scenario()));
        for (Preset p : Presets.all()) {
            String v2 = ScenarioLink.encode(p.scenario());
            String v1 = "/?v=1" + ScenarioLink.everyField(p.scenario());
            assertEquals(p.scenario(), ScenarioLink.decode(v2).scenario(), v2);
            assertEquals(p.scenario(), ScenarioLink.decode(v1).scenario(), "version 1 still reads: " + v1);
            assertTrue(v2.length() < v1.length() / 2, p.id() + ": " + v2.length() + " characters against " + v1.length());
            System.out.println("[link] " + p.id() + ": " + v2.length() + " characters (v1: " + v1.length() + ") " + v2);
        }
        assertThrows(ScenarioRejected.class, () -> ScenarioLink.decode("/?v=3"));
    }

    @Test
    void legacyModesSchedulerCostsAndRingsReadAsWritten() {
        String xen = "?mode=sq&sched=deadline&nr=64&cost=lock:35,bounce:400&dev=driver:xen-blkfront,rings:single-lock";
        Scenario s = ScenarioLink.decode(xen).scenario();
        assertEquals("sq", s.mode().label());
        assertEquals("deadline", s.scheduler().label());
        assertEquals(64, s.nrRequests());
        assertEquals(35, s.costs().lockNs());
        assertEquals(400, s.costs().lockBounceNs());
        assertEquals(Costs.DEFAULT.makeRequestNs(), s.costs().makeRequestNs(), "entries left out keep defaults");
        assertEquals(Driver.XEN_BLKFRONT, s.device().driver());
        assertEquals(List.of(), ScenarioValidator.validate(s));
        String encoded = ScenarioLink.encode(s);
        assertEquals("/?v=2&mode=sq&sched=deadline&nr=64&cost=lock:35,bounce:400&dev=driver:xen-blkfront", encoded,
                "rings:single-lock is the default, so version 2 leaves it out");
        assertEquals(s, ScenarioLink.decode(encoded).scenario());
    }

    @Test
    void aLinkFromBeforeTheCostTableGetsTheDefaultCosts() {
        String old = "/?v=1&name=Figure+1&seed=42&mode=mq&cpus=4&hw=2&depth=8&reserved=0&map=kernel&merge=1"
                + "&dev=irq:timer,lat:10000,maxsec:255,maxseg:128,slots:0&job=fio,rw:randread";
        Scenario s = ScenarioLink.decode(old).scenario();
        assertEquals(Costs.DEFAULT, s.costs());
        assertEquals("noop", s.scheduler().label());
        assertEquals(128, s.nrRequests());
        assertEquals(new Device(10_000, IrqMode.TIMER, 255, 128, 0, Driver.NULL_BLK, Rings.SINGLE_LOCK, Backend.DEFAULT), s.device());
    }

    @Test
    void stepIsSeparateFromTheScenario() {
        ScenarioLink.Decoded d = ScenarioLink.decode(FIGURE + "&step=57");
        assertEquals(OptionalLong.of(57), d.step());
        assertEquals(ScenarioLink.decode(FIGURE).scenario(), d.scenario());
        assertEquals(OptionalLong.empty(), ScenarioLink.decode(FIGURE).step());
        assertEquals(FIGURE_V2 + "&step=57", ScenarioLink.encode(d.scenario(), 57));
    }

    @Test
    void absentParametersTakeTheDefaults() {
        assertEquals(ScenarioDefaults.scenario(), ScenarioLink.decode("/?v=1").scenario());
        assertEquals(ScenarioDefaults.scenario(), ScenarioLink.decode("").scenario());
        assertEquals(4, ScenarioLink.decode("http://localhost:8080/?v=1&depth=4#top").scenario().queueDepth());
        Scenario s = ScenarioLink.decode("?cpus=8&job=a,bs:8k&job=b,rw:write").scenario();
        assertEquals(8, s.cpus());
        assertEquals(2, s.jobs().size());
        assertEquals(8192, s.jobs().get(0).bs());
        assertEquals("read", s.jobs().get(0).rw().label());
        assertEquals("write", s.jobs().get(1).rw().label());
        assertEquals(4096, s.jobs().get(1).bs());
    }

    @Test
    void cpuListsTakeRangesAndKeepTheirOrder() {
        assertEquals(List.of(0, 1, 2, 3, 6), cpusOf("cpus:0-3,6"));
        assertEquals(List.of(6, 0, 1, 2), cpusOf("cpus:6,0-2"));
        assertEquals(List.of(0, 1, 2, 3, 6), cpusOf("cpus:0-3,6,rw:read"));
        assertEquals(null, cpusOf("cpus:all"));
        Scenario s = ScenarioLink.decode("?cpus=8&job=x,cpus:6,0-2").scenario();
        assertTrue(ScenarioLink.encode(s).endsWith(",cpus:6,0-2"), ScenarioLink.encode(s));
    }

    @Test
    void sizesTakeSuffixes() {
        Job j = ScenarioLink.decode("?job=x,bs:1m,off:3k,size:2t").scenario().jobs().get(0);
        assertEquals(1 << 20, j.bs());
        assertEquals(3072, j.offset());
        assertEquals(2L << 40, j.size());
        assertEquals("1536", LinkValues.formatSize(1536));
        assertEquals("0", LinkValues.formatSize(0));
        assertEquals("5g", LinkValues.formatSize(5L << 30));
    }

    @Test
    void explicitMappingsRoundTrip() {
        Scenario s = ScenarioLink.decode("?cpus=4&hw=2&map=1,1,0,0").scenario();
        assertEquals(List.of(1, 1, 0, 0), s.mapping());
        assertTrue(ScenarioLink.encode(s).contains("&map=1,1,0,0"), ScenarioLink.encode(s));
    }

    @Test
    void unknownParametersAreNamed() {
        ScenarioRejected e = rejected("/?v=1&cpu=4&colour=red");
        assertEquals(List.of("cpu", "colour"), fields(e));
        assertTrue(e.getMessage().startsWith("cpu = \"4\": unknown parameter; allowed: v, name,"), e.getMessage());
        assertEquals("invalid link", e.error());
    }

    @Test
    void invalidValuesAreNamedWithWhatIsAllowed() {
        assertProblem("?cpus=four", "cpus", "must be a whole number between 1 and 64");
        assertProblem("?v=3", "v", "must be 1 or 2");
        assertProblem("?merge=yes", "merge", "must be 1 or 0");
        // Too wide for an int: the field's own range, never the width of a Java type.
        assertProblem("?hw=99999999999", "hw", "must be a whole number between 1 and 64");
        assertProblem("?dev=count:x", "dev.count", "must be a whole number between 1 and 4");
        assertProblem("?dev=irq:timer,latency:5", "dev.latency",
                "must be one of irq, lat, maxsec, maxseg, slots, driver, rings");
        assertProblem("?cost=mk:300,lok:5", "cost.lok", "key one of mk, mrg, alloc, ins, disp, drv, cpl, irq, ipi, lock,");
        assertProblem("?cost=lock:fast", "cost.lock", "must be a whole number of nanoseconds between 0 and 1000000");
        assertProblem("?cost=lock", "cost.lock", "must be key:nanoseconds");
        assertProblem("?nr=many", "nr", "must be a whole number between 1 and 10240");
        assertProblem("?job=x,bs:4q", "job[0].bs", "size in bytes");
        assertProblem("?job=x&job=y,depth:4", "job[1].depth", "key one of rw, mix");
        assertProblem("?job=x,cpus:3-1", "job[0].cpus", "ascending range");
        assertProblem("?step=-1", "step", "must be a step, a whole number ≥ 0");
        assertProblem("?step=x", "step", "must be a step, a whole number ≥ 0");
        assertProblem("?cpus=2&cpus=4", "cpus", "more than once");
        assertProblem("?name=%zz", "name", "%-escapes");
    }

    /** Issue #11, defect 3: the range check overflowed and the loop tried to list 2^32 CPUs. */
    @Test
    void aCpuRangeIsCheckedEndByEndBeforeAnyCpuIsListed() {
        assertProblem("?job=fio,cpus:-2147483648-2147483647", "job[0].cpus", "between 0 and 63");
        assertProblem("?job=fio,cpus:0-99999999999999999999", "job[0].cpus", "between 0 and 63");
        assertProblem("?job=fio,cpus:0-63,0-63", "job[0].cpus", "at most 64 CPUs");
        assertEquals(64, cpusOf("cpus:0-63").size());
    }

    /** Issue #11, defect 12: a key twice in one job, device or cost list is refused, as in JSON. */
    @Test
    void aKeyGivenTwiceInsideOneParameterIsRefused() {
        assertProblem("?job=fio,bs:4k,bs:8k", "job[0].bs", "more than once");
        assertProblem("?dev=lat:5,lat:6", "dev.lat", "more than once");
        assertProblem("?cost=lock:5,lock:6", "cost.lock", "more than once");
    }

    /** Issue #11, defect 11: a link can break a rule per character; the list keeps a bounded number. */
    @Test
    void aLinkBreakingThousandsOfRulesKeepsABoundedListAndCountsTheRest() {
        String link = "?" + "job=x,cpus:99&".repeat(280);
        ScenarioRejected e = rejected(link);
        assertTrue(e.problems().size() + e.omitted() >= 280, e.problems().size() + " + " + e.omitted());
        assertTrue(e.problems().size() <= 1000);
    }

    @Test
    void linksLongerThan4096CharactersAreRefused() {
        String longName = "/?v=1&name=" + "a".repeat(4100);
        assertProblem(longName, "link", "at most 4096 characters");
    }

    private static List<Integer> cpusOf(String cpus) {
        return ScenarioLink.decode("?cpus=8&job=x," + cpus).scenario().jobs().get(0).cpus();
    }

    private static ScenarioRejected rejected(String link) {
        return assertThrows(ScenarioRejected.class, () -> ScenarioLink.decode(link));
    }

    private static List<String> fields(ScenarioRejected e) {
        return e.problems().stream().map(Problem::field).toList();
    }

    private static void assertProblem(String link, String field, String rule) {
        ScenarioRejected e = rejected(link);
        assertEquals(List.of(field), fields(e), link);
        assertTrue(e.problems().get(0).message().contains(rule), e.problems().get(0).message());
    }
}
