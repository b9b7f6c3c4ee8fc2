package io.inferscale.core.replica;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The same model runs in virtual time (fleet-sim) and wall-clock time (inference-sim), so it may
 * neither depend on frameworks nor read a clock: time only comes in as arguments.
 */
class ReplicaPackageDependenciesTest {

    private static final JavaClasses MODEL =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.inferscale.core.replica");

    @Test
    void dependsOnTheJdkOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.inferscale.core.replica..", "java..")
                .check(MODEL);
    }

    @Test
    void neverReadsAClock() {
        noClasses()
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("java.time..")
                .check(MODEL);
    }
}
