package org.blkflow.stats;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Scenarios and statistics are used by sessions, trace writers and tests alike: no web framework in them. */
class PlainJavaTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.blkflow");

    @Test
    void scenarioAndStatsStayFreeOfSpringAndJson() {
        noClasses().that().resideInAnyPackage("org.blkflow.scenario..", "org.blkflow.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "tools.jackson..",
                        "jakarta.servlet..", "org.blkflow.web..", "org.blkflow.session..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
