package org.blkflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The model must read like the kernel, not like a web app: no framework, no JSON, no I/O. */
class ModelIsPlainJavaTest {

    static final String[] PLAIN_PACKAGES = {
        "org.blkflow.engine..", "org.blkflow.model..", "org.blkflow.transition..",
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.blkflow");

    @Test
    void modelPackagesStayFreeOfFrameworksAndIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PLAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "tools.jackson..", "com.fasterxml.jackson..",
                        "jakarta.servlet..", "javax.servlet..", "java.io..", "java.net..", "java.nio..")
                .allowEmptyShould(false);
        rule.check(classes);
    }

    @Test
    void modelDoesNotReachUpIntoTheLayersThatConsumeIt() {
        noClasses().that().resideInAnyPackage(PLAIN_PACKAGES)
                .should().dependOnClassesThat().resideInAnyPackage("org.blkflow.web..", "org.blkflow.session..")
                .allowEmptyShould(false)
                .check(classes);
    }
}
