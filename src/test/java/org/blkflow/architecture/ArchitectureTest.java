package org.blkflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every package and what it may use. Data flows one way: scenario → engine + model → transitions →
 * runs, sessions, statistics, trace writers → web, and the command line beside it. Only {@code web}
 * speaks HTTP and WebSocket; JSON is read and written only by {@code web} and by {@code cli}, which
 * answers what the REST API answers; the model reads like the kernel, not like a web app: no
 * framework, no JSON, no I/O.
 */
class ArchitectureTest {

    private static final String ROOT = "org.blkflow";

    /** Each package and the other blkflow packages it may depend on; a new package must be added here. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("transition", Set.of()),
            // The one bounded number parser every reader of a stranger's input goes through.
            Map.entry("input", Set.of()),
            Map.entry("scenario", Set.of("input")),
            Map.entry("engine", Set.of("transition")),
            Map.entry("model", Set.of("engine", "scenario", "transition")),
            Map.entry("stats", Set.of("engine", "transition")),
            // engine: the Perfetto export's lock tracks end with the run's lockstat, as stats does.
            Map.entry("trace", Set.of("engine", "input", "transition")),
            Map.entry("fio", Set.of("input", "scenario", "trace")),
            Map.entry("runs", Set.of("engine", "model", "scenario", "stats", "trace", "transition")),
            Map.entry("session", Set.of("engine", "model", "scenario", "stats", "trace", "transition")),
            Map.entry("quiz", Set.of("model", "scenario", "transition")),
            Map.entry("lessons", Set.of("model", "scenario", "transition")),
            Map.entry("web", Set.of("engine", "fio", "input", "lessons", "model", "quiz", "runs", "scenario", "session",
                    "stats", "trace", "transition")),
            // The command line reuses web's JSON readers and writers (never its controllers' Spring side).
            Map.entry("cli", Set.of("fio", "runs", "scenario", "transition", "web")));

    /** The kernel's side: plain Java that could be read next to block/blk-mq.c. */
    static final String[] PLAIN_PACKAGES = {
        "org.blkflow.engine..", "org.blkflow.model..", "org.blkflow.transition..",
    };

    static final String[] WEB_STACK = {
        "org.springframework..", "jakarta.servlet..", "javax.servlet..", "jakarta.websocket..",
    };

    static final String[] JSON = {"tools.jackson..", "com.fasterxml.jackson.."};

    /** The packages that may read and write JSON: the REST API and the command line that mirrors it. */
    static final Set<String> JSON_PACKAGES = Set.of("web", "cli");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPackageHasAPlaceInTheTable() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : CLASSES) {
            String pkg = c.getPackageName();
            if (pkg.startsWith(ROOT + ".")) {
                found.add(pkg.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        assertEquals(new TreeSet<>(MAY_USE.keySet()), found,
                "a package was added or removed: give it its place in ArchitectureTest.MAY_USE");
    }

    @TestFactory
    Stream<DynamicTest> eachPackageUsesOnlyThePackagesUpstreamOfIt() {
        return MAY_USE.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            String[] forbidden = MAY_USE.keySet().stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
            return DynamicTest.dynamicTest(e.getKey() + " uses only " + new TreeSet<>(e.getValue()), () -> {
                if (forbidden.length == 0) {
                    return;
                }
                noClasses().that().resideInAPackage(ROOT + "." + e.getKey() + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .allowEmptyShould(false)
                        .check(CLASSES);
            });
        });
    }

    /**
     * A replayed trace needs no model: where everything is (Snapshot, SnapshotTracker) lives with the
     * transitions, so in {@code session} only ModelSource, the model behind a live session, uses it.
     */
    @Test
    void sessionUsesTheModelOnlyToRunIt() {
        noClasses().that().resideInAPackage(ROOT + ".session..").and().doNotHaveSimpleName("ModelSource")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".model..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void onlyWebUsesSpringOrServlets() {
        String[] notWeb = MAY_USE.keySet().stream().filter(p -> !p.equals("web"))
                .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(notWeb)
                .should().dependOnClassesThat().resideInAnyPackage(WEB_STACK)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void onlyWebAndTheCommandLineUseJson() {
        String[] others = MAY_USE.keySet().stream().filter(p -> !JSON_PACKAGES.contains(p))
                .map(p -> ROOT + "." + p + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(others)
                .should().dependOnClassesThat().resideInAnyPackage(JSON)
                .allowEmptyShould(false)
                .check(CLASSES);
    }

    @Test
    void modelPackagesStayFreeOfIo() {
        noClasses().that().resideInAnyPackage(PLAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio..")
                .allowEmptyShould(false)
                .check(CLASSES);
    }
}
