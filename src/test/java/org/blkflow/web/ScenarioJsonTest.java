package org.blkflow.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.blkflow.scenario.Costs;
import org.blkflow.scenario.Problem;
import org.blkflow.scenario.RandomScenarios;
import org.blkflow.scenario.Scenario;
import org.blkflow.scenario.ScenarioDefaults;
import org.blkflow.scenario.ScenarioRejected;
import org.blkflow.scenario.ScenarioValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScenarioJsonTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static Scenario read(String json) {
        return ScenarioJson.read(JSON.readTree(json));
    }

    private static Problem only(String json) {
        ScenarioRejected e = assertThrows(ScenarioRejected.class, () -> read(json));
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0);
    }

    /** 7.0's numaNodes are read like every other number: a CPU past 63 or a node count past 64 names the field. */
    @Test
    void numaNodesAreBoundedLikeTheOtherNumbers() {
        Problem wide = only("{\"kernel\":\"7.0\",\"numaNodes\":[\"0-99999999999999999999\"]}");
        assertEquals("numaNodes[0]", wide.field());
        assertTrue(wide.message().contains("between 0 and 63"), wide.message());
        String many = "[" + String.join(",", java.util.Collections.nCopies(65, "\"0\"")) + "]";
        Problem tooMany = only("{\"kernel\":\"7.0\",\"numaNodes\":" + many + "}");
        assertEquals("numaNodes", tooMany.field());
        assertTrue(tooMany.message().contains("at most 64 nodes"), tooMany.message());
    }

    @Test
    void anEmptyObjectIsTheDefaultScenario() {
        assertEquals(ScenarioDefaults.scenario(), read("{}"));
    }

    @Test
    void nullMeansAbsent() {
        assertEquals(ScenarioDefaults.scenario(), read("{\"cpus\":null,\"mapping\":null,\"device\":null}"));
    }

    @Test
    void writingThenReadingGivesTheSameScenario() {
        RandomScenarios scenarios = new RandomScenarios(7);
        for (int i = 0; i < 300; i++) {
            Scenario s = scenarios.next();
            JsonNode written = ScenarioJsonWriter.write(s);
            assertEquals(s, ScenarioJson.read(JSON.readTree(written.toString())), written.toString());
        }
    }

    @Test
    void keywordsAndListsAreWrittenAsTheUserWouldWriteThem() {
        Scenario s = read("{\"hwQueues\":2,\"mapping\":[0,0,1,1],\"jobs\":[{\"cpus\":[2,3]},{}]}");
        JsonNode written = ScenarioJsonWriter.write(s);
        assertEquals("[0,0,1,1]", written.get("mapping").toString());
        assertEquals("[2,3]", written.get("jobs").get(0).get("cpus").toString());
        assertEquals("all", written.get("jobs").get(1).get("cpus").stringValue());
        assertEquals("kernel", ScenarioJsonWriter.write(ScenarioDefaults.scenario()).get("mapping").stringValue());
        assertEquals(List.of("name", "seed", "mode", "scheduler", "nrRequests", "smt", "cpus", "hwQueues", "queueDepth",
                "reservedTags", "mapping", "merging", "costs", "device", "jobs"), List.copyOf(written.propertyNames()));
        assertEquals(List.of("completionNs", "irqMode", "maxSectors", "maxSegments", "slots", "driver", "rings", "pollQueues", "budget", "requeueEvery",
                "backend"),
                List.copyOf(written.get("device").propertyNames()));
        assertEquals(List.of("cpus", "persistentGrants", "ringPages", "pcpus"),
                List.copyOf(written.get("device").get("backend").propertyNames()));
    }

    @Test
    void everyCostIsWrittenAndTheDefaultsAreTheDocumentedOnes() {
        JsonNode costs = ScenarioJsonWriter.write(read("{}")).get("costs");
        assertEquals("{\"makeRequestNs\":300,\"mergeAttemptNs\":40,\"allocRequestNs\":200,\"insertNs\":100,"
                + "\"dispatchNs\":150,\"driverNs\":500,\"completeNs\":400,\"irqNs\":1000,\"ipiNs\":1500,"
                + "\"lockNs\":20,\"lockBounceNs\":200,\"switchNs\":2000,\"hypercallNs\":500,\"grantMapNs\":150,"
                + "\"grantUnmapNs\":250,\"persistentGrantNs\":100,\"blkbackNs\":2500,\"fioIoNs\":1000,\"pvSyscallNs\":1000}", costs.toString());
    }

    @Test
    void legacyFieldsAreReadAndCostsLeftOutKeepTheirDefaults() {
        Scenario s = read("{\"mode\":\"sq\",\"scheduler\":\"cfq\",\"nrRequests\":32,\"costs\":{\"lockNs\":0,"
                + "\"ipiNs\":7},\"device\":{\"driver\":\"xen-blkfront\",\"rings\":\"single-lock\"}}");
        assertEquals("sq", s.mode().label());
        assertEquals("cfq", s.scheduler().label());
        assertEquals(32, s.nrRequests());
        assertEquals(0, s.costs().lockNs());
        assertEquals(7, s.costs().ipiNs());
        assertEquals(Costs.DEFAULT.switchNs(), s.costs().switchNs());
        assertEquals("xen-blkfront", s.device().driver().label());
        assertEquals("single-lock", s.device().rings().label());
        assertEquals(s, ScenarioJson.read(JSON.readTree(ScenarioJsonWriter.write(s).toString())));
    }

    @Test
    void costShapeProblemsNameTheEntry() {
        assertEquals("costs.lockNs = \"fast\": must be a whole number of nanoseconds between 0 and 1000000",
                only("{\"costs\":{\"lockNs\":\"fast\"}}").message());
        Problem unknown = only("{\"costs\":{\"lockMs\":1}}");
        assertEquals("costs.lockMs", unknown.field());
        assertTrue(unknown.message().contains("allowed: makeRequestNs, mergeAttemptNs"), unknown.message());
        assertEquals("costs", only("{\"costs\":[1]}").field());
        assertEquals("device.rings = 3: must be one of single-lock, split-lock, per-hctx", only("{\"device\":{\"rings\":3}}").message());
        assertEquals("nrRequests = true: must be a whole number between 1 and 10240", only("{\"nrRequests\":true}").message());
    }

    @Test
    void aWrongTypeNamesThePathTheValueAndTheType() {
        Problem p = only("{\"cpus\":\"4\"}");
        assertEquals("cpus", p.field());
        assertEquals("cpus = \"4\": must be a whole number between 1 and 64", p.message());
        assertEquals("jobs[0].bs = 4.5: must be a whole number and a multiple of 512 between 512 and 4194304",
                only("{\"jobs\":[{\"bs\":4.5}]}").message());
        assertEquals("merging", only("{\"merging\":1}").field());
        assertEquals("device.irqMode = 2: must be one of none, softirq, timer", only("{\"device\":{\"irqMode\":2}}").message());
        // Too wide for an int: the field's own range, not the width of a Java type.
        assertEquals("cpus = 99999999999: must be a whole number between 1 and 64", only("{\"cpus\":99999999999}").message());
        assertEquals("costs.lockNs = 1.5: must be a whole number of nanoseconds between 0 and 1000000",
                only("{\"costs\":{\"lockNs\":1.5}}").message());
        assertEquals("jobs[0].cpus[0] = 99999999999: must be a CPU between 0 and cpus - 1",
                only("{\"jobs\":[{\"cpus\":[99999999999]}]}").message());
        assertEquals("jobs[0].cpus[1]", only("{\"jobs\":[{\"cpus\":[0,\"x\"]}]}").field());
        assertEquals("jobs", only("{\"jobs\":{}}").field());
        assertEquals("jobs[0]", only("{\"jobs\":[3]}").field());
        assertEquals("(body)", only("[1,2]").field());
    }

    /** A choice is read by its label; anything else names the field and every label it may take. */
    @Test
    void anUnknownLabelNamesTheFieldAndItsChoices() {
        assertEquals("mode = \"scsi\": must be one of mq, sq, bio", only("{\"mode\":\"scsi\"}").message());
        assertEquals("device.driver = \"nvme\": must be one of null_blk, xen-blkfront",
                only("{\"device\":{\"driver\":\"nvme\"}}").message());
        assertEquals("device.rings = \"two\": must be one of single-lock, split-lock, per-hctx",
                only("{\"device\":{\"rings\":\"two\"}}").message());
        assertEquals("device.irqMode = \"msi\": must be one of none, softirq, timer",
                only("{\"device\":{\"irqMode\":\"msi\"}}").message());
        assertEquals("jobs[0].rw = \"trim\": must be one of read, write, randread, randwrite, randrw",
                only("{\"jobs\":[{\"rw\":\"trim\"}]}").message());
        assertEquals("jobs[0].ioengine = \"spdk\": must be one of sync, libaio, io_uring",
                only("{\"jobs\":[{\"ioengine\":\"spdk\"}]}").message());
    }

    /** A shape problem and a range problem elsewhere are reported together: every problem at once. */
    @Test
    void shapeAndRangeProblemsComeTogether() {
        ScenarioRejected e = assertThrows(ScenarioRejected.class,
                () -> read("{\"mode\":\"scsi\",\"cpus\":65,\"queueDepth\":\"deep\",\"device\":{\"slots\":-1}}"));
        assertEquals(List.of("mode", "queueDepth", "cpus", "device.slots"),
                e.problems().stream().map(Problem::field).toList());
    }

    /**
     * A rule that reads a field written wrongly would judge that field's default, not what was written:
     * with device.count unreadable, "jobs[0].devices = [1]: … (device.count is 1)" would mislead. Such a
     * rule is left out; one that reads only well-written fields (cpus' range) is still reported.
     */
    @Test
    void aRuleThatReadsAFieldWrittenWronglyIsLeftOut() {
        ScenarioRejected e = assertThrows(ScenarioRejected.class, () -> read(
                "{\"kernel\":\"7.0\",\"cpus\":65,\"device\":{\"count\":\"x\"},\"jobs\":[{\"devices\":[1]}]}"));
        assertEquals(List.of("device.count", "cpus"), e.problems().stream().map(Problem::field).toList());
        assertEquals("device.count = \"x\": must be a whole number between 1 and 4", e.problems().get(0).message());
        // Read well, the same device list is judged against the count written.
        List<Problem> judged = ScenarioValidator.validate(read("{\"kernel\":\"7.0\",\"jobs\":[{\"devices\":[1]}]}"));
        assertEquals(List.of("jobs[0].devices"), judged.stream().map(Problem::field).toList());
    }

    @Test
    void unknownFieldsAreRefusedAtEveryDepth() {
        Problem top = only("{\"cpu\":4}");
        assertEquals("cpu", top.field());
        assertTrue(top.message().contains("unknown field; allowed: name, seed, mode, kernel, scheduler, nrRequests, smt"),
                top.message());
        assertEquals("device.latency", only("{\"device\":{\"latency\":5}}").field());
        Problem job = only("{\"jobs\":[{},{\"iodpeth\":4}]}");
        assertEquals("jobs[1].iodpeth", job.field());
        assertTrue(job.message().contains("allowed: name, cpus, rw"), job.message());
    }

    @Test
    void keywordFieldsAcceptOnlyTheirKeyword() {
        assertNull(read("{\"mapping\":\"kernel\"}").mapping());
        assertNull(read("{\"jobs\":[{\"cpus\":\"all\"}]}").jobs().get(0).cpus());
        assertEquals("mapping = \"random\": must be \"kernel\" or a list with one hctx per CPU",
                only("{\"mapping\":\"random\"}").message());
        assertEquals("jobs[0].cpus", only("{\"jobs\":[{\"cpus\":\"some\"}]}").field());
    }

    @Test
    void everyShapeProblemIsReportedTogether() {
        ScenarioRejected e = assertThrows(ScenarioRejected.class,
                () -> read("{\"cpus\":\"x\",\"seed\":true,\"jobs\":[{\"rw\":1}],\"extra\":0}"));
        assertEquals(List.of("extra", "seed", "cpus", "jobs[0].rw"), e.problems().stream().map(Problem::field).toList());
    }
}
